/**
 * "Scan this QR code with Tessera" on every picture's context menu. The menu exists once per
 * install (Chrome keeps it); the click grants activeTab for the tab, like the toolbar button.
 */
import { browser, type Browser } from 'wxt/browser';
import { t } from './i18n';

export const SCAN_IMAGE_MENU = 'tessera-scan-image';

export function registerScanMenu(scanImage: (srcUrl: string | undefined, tab: Browser.tabs.Tab) => Promise<void>): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SCAN_IMAGE_MENU, title: t('scanImageMenu'), contexts: ['image'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SCAN_IMAGE_MENU && tab) void scanImage(info.srcUrl, tab);
  });
}
