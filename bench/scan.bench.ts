/**
 * Scanning: from the popup asking "scan this page" to the preview's answer, for a 1280x800
 * viewport with a 160 px QR code found in the DOM (a picture) and only by screenshot (drawn with
 * table cells), and the worst case, a page with no code (DOM, then screenshot, then nothing).
 * Medians of 10. Targets: under 150 ms when found, under 400 ms when nothing is.
 */
import type { Page } from 'playwright-core';
import { openPopupWindow, startDemoServer, tabIdOf, type Tessera } from '../e2e/harness';
import { measure, type Figure } from './measure';

const RUNS = 10;

/** The extension API used inside the popup page (the functions below run there). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: { status: string } }> };
};

async function timeScan(popup: Page, tabId: number, expect: string): Promise<number> {
  const [ms, status] = await popup.evaluate(async (tabId) => {
    const start = performance.now();
    const reply = await chrome.runtime.sendMessage({ type: 'scan.page', payload: { tabId } });
    const took = performance.now() - start;
    await chrome.runtime.sendMessage({ type: 'preview.discard' });
    return [took, reply.value?.status] as const;
  }, tabId);
  if (status !== expect) throw new Error(`scan of tab ${tabId} answered ${status}, expected ${expect}`);
  return ms;
}

export async function benchScan(tessera: Tessera): Promise<Figure[]> {
  const demo = await startDemoServer();
  const figures: Figure[] = [];
  try {
    for (const [name, label, expect] of [
      ['bench-img', 'DOM path (picture)', 'found'],
      ['bench-drawn', 'screenshot path (drawn, no picture)', 'found'],
      ['bench-none', 'no QR code (DOM, screenshot, nothing)', 'none'],
    ] as const) {
      const page = await tessera.context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${demo.url}/test/scan/${name}`);
      const tabId = await tabIdOf(tessera, page.url());
      const popup = await openPopupWindow(tessera);
      const first = await timeScan(popup, tabId, expect); // the first injection also compiles the script
      // A pause between runs, as between a user's clicks: Chrome allows two screenshots a second.
      const paused = async () => (
        await new Promise((resolve) => setTimeout(resolve, 600)),
        timeScan(popup, tabId, expect)
      );
      figures.push(await measure(`scan -> preview, 1280x800, 160 px QR: ${label}`, RUNS, paused));
      figures.push({
        name: `  the same, first scan of the page`,
        median: Math.round(first * 10) / 10,
        min: first,
        max: first,
        runs: 1,
        unit: 'ms',
      });
      await Promise.all([popup.close(), page.close()]);
    }
  } finally {
    await demo.close();
  }
  return figures;
}
