/**
 * Tells the user that something they asked for without the popup (a keyboard command, a context
 * menu, the region tool) needs it now: a badge on the toolbar button, and the popup itself where
 * the browser allows. One badge for the whole browser, like the pending scan or fill it stands for.
 */
import { browser } from 'wxt/browser';

export async function announce(): Promise<void> {
  await browser.action.setBadgeText({ text: '1' }).catch(() => undefined);
  // Chrome 127+ opens the popup without a click; elsewhere (a refusal, thrown or rejected) the badge asks for one.
  try {
    await (browser.action as { openPopup?: () => Promise<void> }).openPopup?.();
  } catch {
    // The badge stays.
  }
}

/** The popup has shown what the badge stood for. */
export async function clearAnnouncement(): Promise<void> {
  await browser.action.setBadgeText({ text: '' }).catch(() => undefined);
}

/**
 * Lock means gone (issue 15): open extension pages (popup, options) are told the vault locked, so
 * they drop decrypted state and shown QR codes at once (utils/messaging/message-client.ts:onLocked).
 * No page open is no error.
 */
export async function announceLock(): Promise<void> {
  await browser.runtime.sendMessage({ type: 'tessera.locked' }).catch(() => undefined);
}
