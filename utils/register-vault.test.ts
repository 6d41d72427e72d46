import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSPHRASE, testVault } from '../tests/test-vault';
import { AUTO_LOCK_ALARM } from './auto-lock';
import { LOCK_COMMAND, registerVault } from './register-vault';
import { lastActivityItem, sessionKeyItem } from './vault-items';

/** fakeBrowser has no commands API: keep the listener the background registers. */
let onCommand: (command: string) => void;
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => void (onCommand = listener as typeof onCommand));
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the background wiring', () => {
  it('locks on the keyboard command', async () => {
    await testVault().vault.create(PASSPHRASE);
    registerVault();
    onCommand('some-other-command');
    await flush();
    expect(await sessionKeyItem.getValue()).not.toBeNull();
    onCommand(LOCK_COMMAND);
    await flush();
    expect(await sessionKeyItem.getValue()).toBeNull();
  });

  it('locks when the auto-lock alarm fires after the idle time', async () => {
    await testVault().vault.create(PASSPHRASE);
    registerVault();
    await lastActivityItem.setValue(Date.now() - 16 * 60_000);
    await fakeBrowser.alarms.onAlarm.trigger({ name: AUTO_LOCK_ALARM, scheduledTime: Date.now() });
    await flush();
    expect(await sessionKeyItem.getValue()).toBeNull();
  });

  it('refuses messages from senders it cannot place', async () => {
    registerVault();
    // fakeBrowser delivers with an empty sender: neither an extension page nor a content script.
    expect(await fakeBrowser.runtime.sendMessage({ type: 'vault.status' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
