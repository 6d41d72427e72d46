/**
 * Asks the top frame of a tab for its origin's `Date` (page/head-date.ts), where Tessera may
 * already run scripts (activeTab, granted by the fill or scan the user asked for): no extra
 * permission, and a failure (a restricted page, no network, a timeout) is just no answer.
 */
import { browser } from 'wxt/browser';
import { headDate, type PageDateSample } from './page/head-date';

/** A HEAD request slower than this is given up: the check never holds anything up. */
export const PROBE_TIMEOUT_MS = 5_000;

export async function probeDate(tabId: number): Promise<PageDateSample | null> {
  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: headDate,
      args: [PROBE_TIMEOUT_MS],
    });
    return (frame?.result as PageDateSample | null | undefined) ?? null;
  } catch {
    return null;
  }
}
