/**
 * The side panel (Chrome's side_panel, Firefox's sidebar_action) is the popup's page beside the
 * page, open while the user works: it acts on the active tab of its own window, follows it as
 * the user switches tabs or navigates, and asks for a site's permission at the first fill there
 * (core/fill/access-patterns.ts says why and which).
 */
import { browser } from 'wxt/browser';
import type { AccountView } from '../core/accounts/account-view';
import { accessPatterns } from '../core/fill/access-patterns';

/** The popup's script also runs the side panel (entrypoints/sidepanel/index.html). */
export const IS_SIDE_PANEL = location.pathname.endsWith('/sidepanel.html');

/**
 * The window whose active tab the panel acts on: its own, or the one `sidepanel.html?window=ID`
 * names when it is opened in a tab of its own (tests), as `popup.html?tab=ID` does for the popup.
 */
export const panelWindowId: Promise<number | undefined> = IS_SIDE_PANEL ? findWindow() : Promise.resolve(undefined);

async function findWindow(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('window'));
  return Number.isInteger(named) && named > 0 ? named : currentWindowId();
}

/** The window this page is shown in. */
export function currentWindowId(): Promise<number | undefined> {
  return browser.windows.getCurrent().then(
    (window) => window.id,
    () => undefined,
  );
}

/**
 * Calls `onChange` when the panel's window shows another page: another tab made active, the
 * active tab loaded a page, or a site was allowed (its address becomes readable). The tab
 * events need no permission; their addresses are hidden without one, so a finished load is the
 * signal. Returns the unsubscribe.
 */
export function followActiveTab(windowId: number, onChange: () => void): () => void {
  const activated = (info: { windowId: number }) => info.windowId === windowId && onChange();
  type Change = { status?: string; url?: string };
  const updated = (_id: number, change: Change, tab: { active: boolean; windowId: number }) =>
    tab.active && tab.windowId === windowId && (change.url !== undefined || change.status === 'complete') && onChange();
  const allowed = () => onChange();
  browser.tabs.onActivated.addListener(activated);
  browser.tabs.onUpdated.addListener(updated);
  browser.permissions.onAdded.addListener(allowed);
  return () => {
    browser.tabs.onActivated.removeListener(activated);
    browser.tabs.onUpdated.removeListener(updated);
    browser.permissions.onAdded.removeListener(allowed);
  };
}

/**
 * In the side panel, asks for the account's own sites before its code is filled; called first
 * in the click's handler (Firefox counts only a call made while handling the click, MDN "User
 * actions"). Already allowed: the browser answers yes without asking. Elsewhere nothing is asked.
 */
export function askSiteAccess(account: AccountView): Promise<unknown> {
  const origins = IS_SIDE_PANEL ? accessPatterns(account.sites) : [];
  if (!origins.length) return Promise.resolve();
  return browser.permissions.request({ origins }).catch(() => false);
}

/** Chrome's sidePanel and Firefox's sidebarAction, where this browser has them (Firefox for Android has neither). */
interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

function panelApis(): PanelApis {
  const globals = globalThis as { chrome?: PanelApis; browser?: PanelApis };
  return { sidePanel: globals.chrome?.sidePanel, sidebarAction: globals.browser?.sidebarAction };
}

/** Whether this page may offer "Open side panel": the browser has one, and this is not it. */
export function canOpenSidePanel(): boolean {
  const { sidePanel, sidebarAction } = panelApis();
  return !IS_SIDE_PANEL && (typeof sidePanel?.open === 'function' || typeof sidebarAction?.open === 'function');
}

/**
 * Opens the side panel in `windowId` (the popup's window, looked up beforehand: both browsers
 * open it only during the user's click, so nothing may be awaited first), then closes the popup.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const { sidePanel, sidebarAction } = panelApis();
  const opened =
    typeof sidebarAction?.open === 'function'
      ? sidebarAction.open()
      : windowId !== undefined && sidePanel
        ? sidePanel.open({ windowId })
        : Promise.reject(new Error('No side panel here.'));
  return opened.then(() => window.close());
}
