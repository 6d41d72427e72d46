import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSPHRASE, testVault } from '../../tests/test-vault';
import { AUTO_LOCK_ALARM, TOUCH_EVERY_MS } from './auto-lock';
import { lastActivityItem } from './vault-items';

beforeEach(() => fakeBrowser.reset());

/** A vault on a clock the test moves by hand. */
function clocked() {
  let time = 1_700_000_000_000;
  const parts = testVault({ now: () => time });
  return { ...parts, advance: (minutes: number) => (time += minutes * 60_000), time: () => time };
}

describe('auto-lock', () => {
  it('sets one alarm 15 minutes after the last activity by default', async () => {
    const { vault, time } = clocked();
    await vault.create(PASSPHRASE);
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toMatchObject({ scheduledTime: time() + 15 * 60_000 });
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('locks when the alarm fires after the idle time, not before', async () => {
    const { vault, autoLock, advance } = clocked();
    await vault.create(PASSPHRASE);
    advance(14);
    await autoLock.onAlarm({ name: AUTO_LOCK_ALARM });
    expect((await vault.status()).state).toBe('unlocked');
    advance(1);
    await autoLock.onAlarm({ name: AUTO_LOCK_ALARM });
    expect((await vault.status()).state).toBe('locked');
  });

  it('treats popup use as activity that pushes the lock back', async () => {
    const { vault, autoLock, advance } = clocked();
    await vault.create(PASSPHRASE);
    advance(10);
    await vault.touch();
    advance(10);
    await autoLock.onAlarm({ name: AUTO_LOCK_ALARM });
    expect((await vault.status()).state).toBe('unlocked');
  });

  it('records a burst of activity once, but always after unlocking', async () => {
    const { vault, advance, time } = clocked();
    await vault.create(PASSPHRASE);
    const created = time();
    advance(TOUCH_EVERY_MS / 2 / 60_000);
    await vault.touch();
    expect(await lastActivityItem.getValue()).toBe(created);
    advance(TOUCH_EVERY_MS / 60_000);
    await vault.touch();
    expect(await lastActivityItem.getValue()).toBe(time());
    await vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(await lastActivityItem.getValue()).toBe(time());
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toMatchObject({ scheduledTime: time() + 15 * 60_000 });
  });

  it('follows the setting, and "never" clears the alarm', async () => {
    const { vault, autoLock, advance, time } = clocked();
    await vault.create(PASSPHRASE);
    await vault.updateSettings({ autoLockMinutes: 1 });
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toMatchObject({ scheduledTime: time() + 60_000 });
    await vault.updateSettings({ autoLockMinutes: 0 });
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
    advance(60 * 24);
    await autoLock.check();
    expect((await vault.status()).state).toBe('unlocked');
    await expect(vault.updateSettings({ autoLockMinutes: 7 })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('catches up on start-up when the alarm fired while the worker was gone', async () => {
    const { vault, advance } = clocked();
    await vault.create(PASSPHRASE);
    advance(20);
    const restarted = testVault({ now: () => 1_700_000_000_000 + 20 * 60_000 });
    expect(await restarted.autoLock.check()).toBe(true);
    expect((await restarted.vault.status()).state).toBe('locked');
  });

  it('does not set alarms while locked', async () => {
    const { vault } = clocked();
    await vault.create(PASSPHRASE);
    await vault.lock();
    await vault.touch();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});
