/**
 * Asks the top frame of a tab for its origin's `Date` (page/head-date.ts), where Tessera may
 * already run scripts (activeTab, granted by the fill or scan the user asked for): no extra
 * permission, and a failure (a restricted page, no network, a timeout) is just no answer.
 */
import { browser } from 'wxt/browser';
import { headDate, type PageDateSample } from './page/head-date';

/** A HEAD request slower than this is given up: the check never holds anything up. */
export const PROBE_TIMEOUT_MS = 5_000;

/** A page too busy to even run the script gets this long in all. */
const GIVE_UP_MS = PROBE_TIMEOUT_MS + 2_000;

export async function probeDate(tabId: number): Promise<PageDateSample | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const givenUp = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), GIVE_UP_MS)));
  const asked = browser.scripting
    .executeScript({ target: { tabId, frameIds: [0] }, func: headDate, args: [PROBE_TIMEOUT_MS] })
    .then(([frame]) => (frame?.result as PageDateSample | null | undefined) ?? null)
    .catch(() => null);
  try {
    return await Promise.race([asked, givenUp]);
  } finally {
    clearTimeout(timer);
  }
}
