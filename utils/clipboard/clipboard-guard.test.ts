import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CLEAR_AFTER_MS,
  CLEAR_CLIPBOARD_ALARM,
  CLEAR_CLIPBOARD_MESSAGE,
  createClipboardGuard,
} from './clipboard-guard';
import { PASSPHRASE, testVault } from '../../tests/test-vault';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.restoreAllMocks();
  // fakeBrowser has no offscreen API: take away the one a test gave it.
  Reflect.deleteProperty(browser, 'offscreen');
});

describe('the clipboard guard', () => {
  it('sets one alarm 30 seconds after a copy', async () => {
    const before = Date.now();
    await createClipboardGuard().copied('123456');
    const alarm = await fakeBrowser.alarms.get(CLEAR_CLIPBOARD_ALARM);
    expect(alarm!.scheduledTime).toBeGreaterThanOrEqual(before + CLEAR_AFTER_MS);
  });

  it('does nothing when the setting is off', async () => {
    // Turned off by the user (signed under the data key): a bare write would be ignored.
    const { vault } = testVault();
    await vault.create(PASSPHRASE);
    await vault.updateSettings({ clearClipboard: false });
    await createClipboardGuard().copied('123456');
    expect(await fakeBrowser.alarms.get(CLEAR_CLIPBOARD_ALARM)).toBeUndefined();
  });

  it('asks an offscreen document to clear the copied code, then closes it', async () => {
    const offscreen = { createDocument: vi.fn(async () => {}), closeDocument: vi.fn(async () => {}) };
    Object.assign(browser, { offscreen });
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ cleared: true } as never);
    const guard = createClipboardGuard();
    await guard.copied('654321');
    expect(await guard.onAlarm({ name: 'something else' })).toBe(false);
    expect(await guard.onAlarm({ name: CLEAR_CLIPBOARD_ALARM })).toBe(true);
    expect(offscreen.createDocument).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'offscreen.html', reasons: ['CLIPBOARD'] }),
    );
    expect(send).toHaveBeenCalledWith({ type: CLEAR_CLIPBOARD_MESSAGE, code: '654321' });
    expect(offscreen.closeDocument).toHaveBeenCalled();
    // The code is forgotten: a second alarm has nothing to clear.
    expect(await guard.onAlarm({ name: CLEAR_CLIPBOARD_ALARM })).toBe(false);
  });
});
