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

export const CLEAR_CLIPBOARD_ALARM = 'tessera.clear-clipboard';
export const CLEAR_CLIPBOARD_MESSAGE = 'offscreen.clearClipboard';
export const CLEAR_AFTER_MS = 30_000;
/** How late an alarm may come and still clear. */
export const LATE_MS = 60_000;

/** When Tessera last copied a code (ms since the epoch), while it may still need clearing. */
export const copiedCodeItem = defineItem<number>('session:copiedCode');

type Offscreen = {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
};

async function clearInOffscreenDocument(offscreen: Offscreen): Promise<boolean> {
  await offscreen
    .createDocument({
      url: 'offscreen.html',
      reasons: ['CLIPBOARD'],
      justification: 'Clear a copied one-time code from the clipboard',
    })
    .catch(() => {
      // Already open from an earlier request: use it.
    });
  try {
    const reply = (await browser.runtime.sendMessage({ type: CLEAR_CLIPBOARD_MESSAGE })) as
      { cleared?: boolean } | undefined;
    return reply?.cleared === true;
  } finally {
    await offscreen.closeDocument().catch(() => undefined);
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
      const offscreen = (browser as unknown as { offscreen?: Offscreen }).offscreen;
      if (offscreen) return clearInOffscreenDocument(offscreen);
      return typeof document === 'undefined' ? false : clearClipboard(document);
    },
  };
}

export type ClipboardGuard = ReturnType<typeof createClipboardGuard>;
