import { browser } from 'wxt/browser';

/** Opens the options page (import) in a tab; the popup closes, as it would on any click away. */
export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
  window.close();
}
