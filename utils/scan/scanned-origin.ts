import { browser, type Browser } from 'wxt/browser';
import { pageOrigin } from '../core/preview/page-origin';

/**
 * The origin to record for codes a scan of `tab` found (issue 15): the origin the tab had when the
 * scan began, only if the tab still has it once the scan is over (read again from the browser)
 * and the scanned top frame reported the same (`reported`: its `location.origin`, when the page
 * was read). A page can navigate itself while it is scanned: evil.example, scanned, moves to a
 * real site's QR setup page, whose code is read; that code must not be bound to evil.example.
 * When they differ, undefined: the codes carry no origin, so they cannot be remembered for any
 * site (like a picture file's), rather than for the wrong one.
 */
export async function originAfterScan(tab: Browser.tabs.Tab, reported?: string): Promise<string | undefined> {
  const before = pageOrigin(tab.url);
  if (!before || tab.id === undefined) return undefined;
  if (reported !== undefined && pageOrigin(reported) !== before) return undefined;
  const after = await browser.tabs.get(tab.id).catch(() => undefined);
  return pageOrigin(after?.url) === before ? before : undefined;
}
