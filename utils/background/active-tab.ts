/**
 * The tab a message from the popup is about, looked up by the background: the one the popup names
 * (`tabId`, when it is opened in a tab of its own), the active tab of the side panel's window
 * (`windowId`), else the active tab of the last focused window. Its address is readable because
 * clicking the toolbar grants activeTab; from the side panel, only on sites the user allowed.
 */
import { browser, type Browser } from 'wxt/browser';

export async function targetTab(tabId?: number, windowId?: number): Promise<Browser.tabs.Tab | undefined> {
  if (tabId !== undefined) return browser.tabs.get(tabId);
  const [tab] = await browser.tabs.query(
    windowId === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId },
  );
  return tab;
}

/**
 * The address of the web page the user is looking at, so the popup does not spend a round trip
 * on it before asking for its accounts; anything that is not an http(s) page gives undefined.
 */
export async function activeTabUrl(windowId?: number): Promise<string | undefined> {
  try {
    const tab = await targetTab(undefined, windowId);
    const url = tab?.url ? new URL(tab.url) : undefined;
    return url?.protocol.startsWith('http') ? url.href : undefined;
  } catch {
    return undefined;
  }
}
