import { browser } from 'wxt/browser';

type AccessLevelArea = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };

/**
 * Keeps storage out of content scripts' reach. storage.session (where the unlocked key lives) is
 * restricted to trusted contexts by Chrome's default, stated here so a future default cannot
 * change it. storage.local (the encrypted vault, settings) is open to content scripts by default;
 * Chromium accepts setAccessLevel for it too (Chromium's extensions/browser/api/storage/
 * storage_utils.cc keeps an access level per area; tried in Chromium 150), while Chrome's and
 * MDN's references document it for storage.session only
 * (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/storage/StorageArea/setAccessLevel):
 * a browser that refuses it for local keeps its default, and Tessera's own content scripts never
 * touch storage anyway. Firefox has no such API and never exposes storage.session to content
 * scripts; its storage.local stays reachable from them (Mozilla bug 1724754).
 */
export async function restrictSessionStorage(): Promise<void> {
  const trusted = { accessLevel: 'TRUSTED_CONTEXTS' };
  await (browser.storage.session as AccessLevelArea).setAccessLevel?.(trusted);
  await Promise.resolve((browser.storage.local as AccessLevelArea).setAccessLevel?.(trusted)).catch(() => undefined);
}
