/**
 * Clears a copied code from the clipboard after CLEAR_AFTER_MS if it is still there (a setting,
 * on by default). The popup may be long closed by then, so the background keeps the code in
 * storage.session and sets an alarm; Chrome's worker has no clipboard, so it asks an offscreen
 * document to look and clear, while Firefox's background page does it itself.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { clearClipboardIfHolds } from './clear-clipboard';
import { readSettings } from '../vault/settings-item';

export const CLEAR_CLIPBOARD_ALARM = 'tessera.clear-clipboard';
export const CLEAR_CLIPBOARD_MESSAGE = 'offscreen.clearClipboard';
export const CLEAR_AFTER_MS = 30_000;

/** The code last copied, while it may still need clearing. */
const copiedCodeItem = storage.defineItem<string>('session:copiedCode');

type Offscreen = {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
};

async function clearInOffscreenDocument(offscreen: Offscreen, code: string): Promise<boolean> {
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
    const reply = (await browser.runtime.sendMessage({ type: CLEAR_CLIPBOARD_MESSAGE, code })) as
      { cleared?: boolean } | undefined;
    return reply?.cleared === true;
  } finally {
    await offscreen.closeDocument().catch(() => undefined);
  }
}

export function createClipboardGuard() {
  return {
    /** The popup copied `code`: clear it later, if the setting says so. */
    async copied(code: string): Promise<void> {
      if (!(await readSettings()).clearClipboard) return;
      await copiedCodeItem.setValue(code);
      await browser.alarms.create(CLEAR_CLIPBOARD_ALARM, { when: Date.now() + CLEAR_AFTER_MS });
    },
    /** @returns whether the clipboard was cleared. */
    async onAlarm(alarm: { name: string }): Promise<boolean> {
      if (alarm.name !== CLEAR_CLIPBOARD_ALARM) return false;
      const code = await copiedCodeItem.getValue();
      await copiedCodeItem.removeValue();
      if (!code) return false;
      const offscreen = (browser as unknown as { offscreen?: Offscreen }).offscreen;
      if (offscreen) return clearInOffscreenDocument(offscreen, code);
      return typeof document === 'undefined' ? false : clearClipboardIfHolds(document, code);
    },
  };
}

export type ClipboardGuard = ReturnType<typeof createClipboardGuard>;
