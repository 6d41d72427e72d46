/**
 * Clears a copied code from the clipboard after CLEAR_AFTER_MS (a setting, on by default). The
 * popup may be long closed by then, so the background keeps the time of the copy in
 * storage.session (never the code) and sets an alarm; Chrome's worker has no clipboard, so it
 * asks an offscreen document to clear it, while Firefox's background page does it itself.
 *
 * The clipboard is not read (no `clipboardRead`): a newer copy from Tessera replaces the alarm,
 * and an alarm that comes more than LATE_MS after it was due (the computer slept) clears nothing,
 * since the user has likely copied something else by then. Something copied elsewhere within the
 * 30 s is cleared too: the price of not reading the clipboard.
 */
import { browser } from 'wxt/browser';
import { defineItem } from '../background/stored-item';
import { clearClipboard } from './clear-clipboard';
import { readSettings } from '../vault/settings-item';
import { acquireOffscreen, offscreenApi } from '../helper/offscreen-document';

export const CLEAR_CLIPBOARD_ALARM = 'tessera.clear-clipboard';
export const CLEAR_CLIPBOARD_MESSAGE = 'offscreen.clearClipboard';
export const CLEAR_AFTER_MS = 30_000;
/** How late an alarm may come and still clear. */
export const LATE_MS = 60_000;

/** When Tessera last copied a code (ms since the epoch), while it may still need clearing. */
export const copiedCodeItem = defineItem<number>('session:copiedCode');

async function clearInOffscreenDocument(offscreen: NonNullable<ReturnType<typeof offscreenApi>>): Promise<boolean> {
  const { release } = await acquireOffscreen(offscreen);
  try {
    const reply = (await browser.runtime.sendMessage({ type: CLEAR_CLIPBOARD_MESSAGE })) as
      { cleared?: boolean } | undefined;
    return reply?.cleared === true;
  } finally {
    await release();
  }
}

export function createClipboardGuard(now = Date.now) {
  return {
    /** The popup copied a code: clear the clipboard later, if the setting says so. */
    async copied(): Promise<void> {
      if (!(await readSettings()).clearClipboard) return;
      const at = now();
      await copiedCodeItem.setValue(at);
      // The same name: a newer copy replaces the alarm of the one before.
      await browser.alarms.create(CLEAR_CLIPBOARD_ALARM, { when: at + CLEAR_AFTER_MS });
    },
    /** @returns whether the clipboard was cleared. */
    async onAlarm(alarm: { name: string }): Promise<boolean> {
      if (alarm.name !== CLEAR_CLIPBOARD_ALARM) return false;
      const at = await copiedCodeItem.getValue();
      await copiedCodeItem.removeValue();
      if (typeof at !== 'number' || now() - at > CLEAR_AFTER_MS + LATE_MS) return false;
      const offscreen = offscreenApi();
      if (offscreen) return clearInOffscreenDocument(offscreen);
      return typeof document === 'undefined' ? false : clearClipboard(document);
    },
  };
}

export type ClipboardGuard = ReturnType<typeof createClipboardGuard>;
