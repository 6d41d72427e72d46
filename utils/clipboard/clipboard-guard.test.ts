import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CLEAR_AFTER_MS,
  CLEAR_CLIPBOARD_ALARM,
  CLEAR_CLIPBOARD_MESSAGE,
  LATE_MS,
  copiedCodeItem,
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
    await createClipboardGuard().copied();
    const alarm = await fakeBrowser.alarms.get(CLEAR_CLIPBOARD_ALARM);
    expect(alarm!.scheduledTime).toBeGreaterThanOrEqual(before + CLEAR_AFTER_MS);
  });

  it('does nothing when the setting is off', async () => {
    // Turned off by the user (signed under the data key): a bare write would be ignored.
    const { vault } = testVault();
    await vault.create(PASSPHRASE);
    await vault.updateSettings({ clearClipboard: false });
    await createClipboardGuard().copied();
    expect(await fakeBrowser.alarms.get(CLEAR_CLIPBOARD_ALARM)).toBeUndefined();
  });

  it('asks an offscreen document to clear the clipboard (no code sent, nothing read), then closes it', async () => {
    const offscreen = { createDocument: vi.fn(async () => {}), closeDocument: vi.fn(async () => {}) };
    Object.assign(browser, { offscreen });
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ cleared: true } as never);
    const guard = createClipboardGuard();
    await guard.copied();
    expect(await copiedCodeItem.getValue()).toEqual(expect.any(Number));
    expect(await guard.onAlarm({ name: 'something else' })).toBe(false);
    expect(await guard.onAlarm({ name: CLEAR_CLIPBOARD_ALARM })).toBe(true);
    expect(offscreen.createDocument).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'offscreen.html', reasons: ['CLIPBOARD', 'WORKERS'] }),
    );
    expect(send).toHaveBeenCalledWith({ type: CLEAR_CLIPBOARD_MESSAGE });
    expect(offscreen.closeDocument).toHaveBeenCalled();
    // The copy is forgotten: a second alarm has nothing to clear.
    expect(await guard.onAlarm({ name: CLEAR_CLIPBOARD_ALARM })).toBe(false);
  });

  it.each([
    // ms from the copy to the alarm, whether it clears
    [CLEAR_AFTER_MS, true],
    [CLEAR_AFTER_MS + LATE_MS, true],
    [CLEAR_AFTER_MS + LATE_MS + 1, false],
    [8 * 60 * 60_000, false],
  ])(
    'an alarm %i ms after the copy clears: %s (late means the user has copied something else)',
    async (after, clears) => {
      const offscreen = { createDocument: vi.fn(async () => {}), closeDocument: vi.fn(async () => {}) };
      Object.assign(browser, { offscreen });
      const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ cleared: true } as never);
      let clock = 1_000_000;
      const guard = createClipboardGuard(() => clock);
      await guard.copied();
      clock += after;
      expect(await guard.onAlarm({ name: CLEAR_CLIPBOARD_ALARM })).toBe(clears);
      expect(send).toHaveBeenCalledTimes(clears ? 1 : 0);
    },
  );

  it('clears after the latest copy only: a newer copy moves the alarm', async () => {
    let clock = 1_000_000;
    const guard = createClipboardGuard(() => clock);
    await guard.copied();
    clock += 20_000;
    await guard.copied();
    expect((await fakeBrowser.alarms.getAll()).filter(({ name }) => name === CLEAR_CLIPBOARD_ALARM)).toEqual([
      expect.objectContaining({ scheduledTime: clock + CLEAR_AFTER_MS }),
    ]);
  });
});
