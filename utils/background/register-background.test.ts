import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countGets } from '../../tests/count-gets';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { AUTO_LOCK_ALARM } from '../vault/auto-lock';
import { FILL_FIELD_MENU, type MenuListener } from './register-context-menus';
import { FILL_COMMAND, LOCK_COMMAND, registerBackground, type CommandListener } from './register-background';
import { lastActivityItem, sessionKeyItem } from '../vault/vault-items';
import { pendingFillItem } from '../fill/pending-fill-item';
import type * as VaultServiceModule from '../vault/vault-service';

/** Counts the vault's locks, so a command that must not lock can be seen not to, at once. */
const locks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../vault/vault-service', async (importOriginal) => {
  const original = await importOriginal<typeof VaultServiceModule>();
  return {
    ...original,
    createVaultService: (deps: Parameters<typeof original.createVaultService>[0]) => {
      const service = original.createVaultService(deps);
      return { ...service, lock: () => (locks.count++, service.lock()) };
    },
  };
});

// fakeBrowser has neither offscreen documents nor Workers: the helper's tasks run in the test.
vi.mock('../helper/background-helper', async () => {
  const { inProcessHelper } = await import('../../tests/in-process-helper');
  return { createBackgroundHelper: () => inProcessHelper };
});

/** fakeBrowser has no commands or context menu events: keep the listeners the background registers. */
let onCommand: CommandListener;
let onMenuClick: MenuListener;
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(
    (listener) => void (onCommand = listener as typeof onCommand),
  );
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(
    (listener) => void (onMenuClick = listener as typeof onMenuClick),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(fakeBrowser.storage.session, 'setAccessLevel');
});

/*
 * The listeners start their work without returning it (`void vault.lock()`), so each test waits
 * for the work's effect in storage instead.
 */

describe('the background wiring', () => {
  it('locks on the keyboard command', async () => {
    await testVault().vault.create(PASSPHRASE);
    registerBackground();
    // The listener asks the vault to lock as it runs: an unknown command asks nothing.
    locks.count = 0;
    onCommand('some-other-command');
    expect(locks.count).toBe(0);
    onCommand(LOCK_COMMAND);
    expect(locks.count).toBe(1);
    await expect.poll(() => sessionKeyItem.getValue()).toBeNull();
  });

  it('hands the fill command and the field menu to the fill (here: locked, so they wait for the unlock)', async () => {
    registerBackground();
    const url = 'https://github.com/login';
    const tab = { id: 4, windowId: 1, url } as Parameters<CommandListener>[1];
    onCommand(FILL_COMMAND, tab);
    const asked = { matches: [], locked: true, at: expect.any(Number), url };
    await expect.poll(() => pendingFillItem.getValue()).toEqual({ tabId: 4, ...asked });
    onMenuClick({ menuItemId: 'another-menu', frameId: 3 }, tab);
    onMenuClick({ menuItemId: FILL_FIELD_MENU, frameId: 3 }, tab);
    await expect.poll(() => pendingFillItem.getValue()).toEqual({ tabId: 4, frameId: 3, ...asked });
  });

  it('starts where there are no shortcuts and no context menus (Firefox for Android)', async () => {
    const missing = ['commands', 'contextMenus'] as const;
    const kept = missing.map((name) => Object.getOwnPropertyDescriptor(fakeBrowser, name)!);
    try {
      for (const name of missing) Object.defineProperty(fakeBrowser, name, { value: undefined, configurable: true });
      await testVault().vault.create(PASSPHRASE);
      registerBackground();
      // It still answers the popup.
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'another-alarm', scheduledTime: Date.now() });
      expect(await sessionKeyItem.getValue()).not.toBeNull();
    } finally {
      missing.forEach((name, i) => Object.defineProperty(fakeBrowser, name, kept[i]!));
    }
  });

  it('locks when the auto-lock alarm fires after the idle time', async () => {
    await testVault().vault.create(PASSPHRASE);
    // Hold the start-up check back (it runs once storage.session is restricted): it would lock too,
    // and the test would pass without the alarm.
    Object.assign(fakeBrowser.storage.session, { setAccessLevel: () => new Promise<void>(() => {}) });
    registerBackground();
    await lastActivityItem.setValue(Date.now() - 16 * 60_000);
    await fakeBrowser.alarms.onAlarm.trigger({ name: AUTO_LOCK_ALARM, scheduledTime: Date.now() });
    await expect.poll(() => sessionKeyItem.getValue()).toBeNull();
  });

  it("answers the popup's opening messages from one read per area, and a lock there leaves no key", async () => {
    const { vault, accounts } = testVault();
    await vault.create(PASSPHRASE);
    for (let n = 1; n <= 3; n++) await accounts.add({ account: sampleAccount(n) });
    const expected = await vault.status();
    type Reply = { ok: boolean; value?: unknown; error?: { code: string } };
    let listener!: (message: unknown, sender: unknown) => Promise<Reply>;
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation(
      (added) => void (listener = added as typeof listener),
    );
    const gets = countGets();
    registerBackground(); // a worker woken by the popup: nothing read yet
    const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const send = (type: string, payload?: object) => listener({ type, payload }, sender);
    const [status, list] = await Promise.all([send('vault.status'), send('accounts.list', { bySite: true, first: 9 })]);
    const rest = await Promise.all(['clock.warning', 'scan.resume', 'fill.pending'].map((type) => send(type)));
    expect(status).toEqual({ ok: true, value: expected });
    expect((list.value as { label: string }[]).map(({ label }) => label)).toEqual(
      [1, 2, 3].map((n) => `user${n}@example.com`),
    );
    expect(rest.map(({ ok }) => ok)).toEqual([true, true, true]);
    expect(gets).toEqual([
      'session vaultKey,lastActivity,clockCheck,pendingScan,scanRequest,pendingFill',
      'local vault,settings,syncState',
    ]);
    // Locked in this same wake: the key kept from its read is gone with it.
    expect((await send('vault.lock')).ok).toBe(true);
    expect(await send('vault.status')).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await send('accounts.list', { first: 9 })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it("judges the idle time found on waking: the popup's own activity cannot hide that it ran out", async () => {
    await testVault().vault.create(PASSPHRASE);
    await lastActivityItem.setValue(Date.now() - 16 * 60_000);
    // The start-up check waits for storage.session to be restricted; the popup's message does not.
    let restricted!: () => void;
    const held = new Promise<void>((resolve) => (restricted = resolve));
    Object.assign(fakeBrowser.storage.session, { setAccessLevel: () => held });
    let listener!: (message: unknown, sender: unknown) => Promise<unknown>;
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation(
      (added) => void (listener = added as typeof listener),
    );
    registerBackground();
    const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    await listener({ type: 'vault.status' }, sender);
    await expect.poll(async () => Date.now() - (await lastActivityItem.getValue())!).toBeLessThan(60_000);
    restricted();
    await expect.poll(() => sessionKeyItem.getValue()).toBeNull();
  });

  it('refuses messages from senders it cannot place', async () => {
    registerBackground();
    // fakeBrowser delivers with an empty sender: neither an extension page nor a content script.
    expect(await fakeBrowser.runtime.sendMessage({ type: 'vault.status' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
