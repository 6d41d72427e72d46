/**
 * The popup with 500 accounts: from opening popup.html to every visible code painted (median of
 * 10, with the worker running and with it stopped), the work done per second while it stays open
 * between rollovers, and how much JavaScript it loads (gzipped).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { PRODUCTION_BUILD, stopServiceWorker, type Tessera } from '../e2e/harness';
import { measure, type Figure } from './measure';

/** Rows the 440 px list shows at once (56 px each). */
const VISIBLE_ROWS = 8;

/** The popup's own size: Chromium opens it at its content size, 360 px wide. */
const POPUP_VIEWPORT = { width: 360, height: 600 };

/**
 * Opens popup.html and returns ms from navigation start to the frame that showed the visible codes,
 * as the browser itself reports it: every code carries `elementtiming`, so the Element Timing API
 * gives the time each was first painted. Nothing of the test runs in the page until it has
 * settled (Playwright's injected script alone costs the main thread ~25 ms here).
 */
async function timeToCodes(
  tessera: Tessera,
  settle: number,
): Promise<{ total: number; tessera: number; answer: number }> {
  const page = await tessera.context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.goto(tessera.popupUrl, { waitUntil: 'commit' });
  await new Promise((resolve) => setTimeout(resolve, settle));
  const [painted, start, answer] = await page.evaluate(async (rows: number) => {
    const entries = await new Promise<PerformanceEntryList>((resolve) =>
      new PerformanceObserver((list) => resolve(list.getEntries())).observe({ type: 'element', buffered: true }),
    );
    const times = entries
      .filter((entry) => (entry as PerformanceEntry & { identifier: string }).identifier === 'code')
      .map((entry) => (entry as PerformanceEntry & { renderTime: number }).renderTime);
    const [start, answer] = ['tessera:start', 'tessera:first-answer'].map(
      (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN,
    );
    return [times.sort((a, b) => a - b)[rows - 1] ?? NaN, start, answer];
  }, VISIBLE_ROWS);
  await page.close();
  if (Number.isNaN(painted)) throw new Error(`fewer than ${VISIBLE_ROWS} codes painted within ${settle} ms`);
  return { total: painted!, tessera: painted! - start!, answer: answer! - start! };
}

/** Runs timeToCodes `runs` times: one figure from navigation start, one from Tessera's first line. */
async function measureOpen(
  label: string,
  runs: number,
  settle: number,
  before?: () => Promise<void>,
): Promise<Figure[]> {
  const samples: { total: number; tessera: number; answer: number }[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    samples.push(await timeToCodes(tessera!, settle));
  }
  const figure = async (name: string, pick: 'total' | 'tessera' | 'answer') => {
    let i = 0;
    return measure(name, runs, async () => samples[i++]![pick]);
  };
  return [
    await figure(`${label}, from navigation start`, 'total'),
    await figure(`${label}, from Tessera's first line`, 'tessera'),
    await figure(`${label}, Tessera's first line -> first answer from the worker`, 'answer'),
  ];
}

let tessera: Tessera | undefined;

/** Main-thread time per second over `seconds`, from Chrome's own counters, away from a rollover. */
async function costPerSecond(
  tessera: Tessera,
  page: Page,
  seconds: number,
): Promise<{ script: number; task: number; layouts: number }> {
  const cdp = await tessera.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));
  const wait = 30 - ((Date.now() / 1000) % 30);
  if (wait < seconds + 1) await page.waitForTimeout(wait * 1000 + 500);
  const before = await read();
  await page.waitForTimeout(seconds * 1000);
  const after = await read();
  await cdp.detach();
  const per = (name: string) => Math.round(((after[name]! - before[name]!) / seconds) * 1000 * 100) / 100;
  return {
    script: per('ScriptDuration'),
    task: per('TaskDuration'),
    layouts: (after.LayoutCount! - before.LayoutCount!) / seconds,
  };
}

/**
 * Scrolls the whole list, 200 px a frame, and returns the frame intervals (ms) the page saw:
 * with 60 frames a second, smooth means intervals near 16.7 ms.
 */
async function scrollFrames(page: Page): Promise<number[]> {
  // A string, not a function: tsx would wrap a named inner function in a __name() the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    const scroller = document.querySelector('.scroller');
    const intervals = [];
    let last = 0;
    const frame = (time) => {
      if (last) intervals.push(time - last);
      last = time;
      scroller.scrollTop += 200;
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) resolve(intervals);
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`);
}

/**
 * The JavaScript popup.html loads, gzipped: its scripts and their static imports when it opens,
 * and with every chunk it may import later (`import()`: an account's QR code, the options view).
 * Rolldown writes dynamic imports with backticks, so all three quotes are matched.
 */
export function popupJavaScriptGzip(dir = PRODUCTION_BUILD): {
  files: number;
  bytes: number;
  openFiles: number;
  openBytes: number;
} {
  const html = readFileSync(path.join(dir, 'popup.html'), 'utf8');
  const resolve = (from: string, spec: string) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)).replace(/^\//, '');
  const gzipped = (files: Set<string>) =>
    [...files].reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dir, file))).length, 0);
  const walk = (withDynamic: boolean) => {
    const seen = new Set<string>();
    const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((match) => match[1]!.replace(/^\//, ''));
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const code = readFileSync(path.join(dir, file), 'utf8');
      for (const [, spec] of code.matchAll(/(?:\bimport|\bfrom)\s*["'`]([^"'`]+\.js)["'`]/g))
        queue.push(resolve(file, spec!));
      if (withDynamic)
        for (const [, spec] of code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g))
          queue.push(resolve(file, spec!));
    }
    return seen;
  };
  const open = walk(false);
  const all = walk(true);
  return { files: all.size, bytes: gzipped(all), openFiles: open.size, openBytes: gzipped(open) };
}

/**
 * The two opening figures (worker running, worker stopped) for a vault `launched` already holds,
 * labelled with `variant` ("icons on") when given.
 */
export async function benchPopupOpen(launched: Tessera, accounts: number, variant?: string): Promise<Figure[]> {
  tessera = launched;
  const vault = variant ? `${accounts} accounts, ${variant}` : `${accounts} accounts`;
  return [
    ...(await measureOpen(`popup -> ${VISIBLE_ROWS} codes painted, ${vault}, worker running`, 10, 1_500)),
    ...(await measureOpen(`popup -> ${VISIBLE_ROWS} codes painted, ${vault}, worker stopped`, 10, 3_000, async () => {
      const page = await launched.context.newPage();
      await page.goto('about:blank');
      await stopServiceWorker(launched, page);
      await page.close();
    })),
  ];
}

export async function benchPopup(launched: Tessera, accounts: number): Promise<Figure[]> {
  const opening = await benchPopupOpen(launched, accounts);
  const page = await launched.context.newPage();
  await page.goto(launched.popupUrl);
  await page.locator('.account .code').first().waitFor();
  const cost = await costPerSecond(launched, page, 10);
  const frames = (await scrollFrames(page)).sort((a, b) => a - b);
  await page.close();
  const percentile = (p: number) =>
    Math.round(frames[Math.min(frames.length - 1, Math.floor(frames.length * p))]! * 10) / 10;
  const size = popupJavaScriptGzip();
  const figure = (name: string, value: number, unit: string): Figure => ({
    name,
    median: value,
    min: value,
    max: value,
    runs: 1,
    unit: unit as 'ms',
  });
  return [
    ...opening,
    figure('popup open, main-thread script per second between rollovers', cost.script, 'ms'),
    figure('popup open, main-thread tasks per second between rollovers', cost.task, 'ms'),
    figure('popup open, layouts per second between rollovers', cost.layouts, 'count'),
    figure(
      `scrolling all ${accounts} accounts: median frame interval (${frames.length} frames)`,
      percentile(0.5),
      'ms',
    ),
    figure(`scrolling all ${accounts} accounts: 95th percentile frame interval`, percentile(0.95), 'ms'),
    figure(
      `scrolling all ${accounts} accounts: frames over 33 ms (two missed frames)`,
      frames.filter((ms) => ms > 33.4).length,
      'count',
    ),
    figure(
      `popup JavaScript, gzipped, all it may load (release build, ${size.files} files)`,
      Math.round((size.bytes / 1024) * 10) / 10,
      'KiB',
    ),
    figure(
      `  of which loaded on opening (${size.openFiles} files; budget 30 KiB, issue 16)`,
      Math.round((size.openBytes / 1024) * 10) / 10,
      'KiB',
    ),
  ];
}
