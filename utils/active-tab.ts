/**
 * The address of the web page the user is looking at, asked by the background so the popup does
 * not spend a round trip on it before asking for its accounts. Readable because clicking the
 * toolbar grants activeTab; anything that is not an http(s) page gives undefined.
 */
import { browser } from 'wxt/browser';

export async function activeTabUrl(): Promise<string | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    const url = tab?.url ? new URL(tab.url) : undefined;
    return url?.protocol.startsWith('http') ? url.href : undefined;
  } catch {
    return undefined;
  }
}
