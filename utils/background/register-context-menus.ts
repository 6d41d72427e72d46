/**
 * Tessera's context menu items: "Scan this QR code with Tessera" on pictures and "Fill one-time
 * code with Tessera" on editable fields. The items exist once per install (the browser keeps
 * them); a click grants activeTab for the tab, like the toolbar button.
 */
import { browser, type Browser } from 'wxt/browser';
import { t } from '../i18n/i18n';

export const SCAN_IMAGE_MENU = 'tessera-scan-image';
export const FILL_FIELD_MENU = 'tessera-fill-field';

export interface MenuActions {
  scanImage: (srcUrl: string | undefined, tab: Browser.tabs.Tab) => Promise<void>;
  fillField: (tab: Browser.tabs.Tab, frameId: number) => Promise<void>;
}

export type MenuListener = (
  info: Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'srcUrl' | 'frameId'>,
  tab?: Browser.tabs.Tab,
) => void;

/** Returns the click listener, so the e2e build can choose an item (tests cannot open the menu). */
export function registerContextMenus({ scanImage, fillField }: MenuActions): MenuListener {
  const onClicked: MenuListener = (info, tab) => {
    if (!tab) return;
    if (info.menuItemId === SCAN_IMAGE_MENU) void scanImage(info.srcUrl, tab);
    if (info.menuItemId === FILL_FIELD_MENU) void fillField(tab, info.frameId ?? 0);
  };
  // Firefox for Android has no context menus: the popup's buttons do the same there.
  if (!browser.contextMenus) return onClicked;
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SCAN_IMAGE_MENU, title: t('scanImageMenu'), contexts: ['image'] });
    browser.contextMenus.create({ id: FILL_FIELD_MENU, title: t('fillFieldMenu'), contexts: ['editable'] });
  });
  browser.contextMenus.onClicked.addListener(onClicked);
  return onClicked;
}
