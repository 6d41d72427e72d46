/**
 * Settings and rollback (issue 15): turning a protection off (auto-lock never, clipboard clearing
 * off) counts only with a MAC under the data key; a stored vault older than one this session saw
 * is reported.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { DEFAULT_SETTINGS } from '../core/vault/settings';
import { readSettings, settingsItem } from './settings-item';
import { previousVaultItem, vaultItem } from './vault-items';

beforeEach(() => fakeBrowser.reset());

describe('settings that weaken protection', () => {
  it('are kept when Tessera set them, and survive a passphrase change', async () => {
    const { vault } = testVault();
    await vault.create(PASSPHRASE);
    await vault.updateSettings({ autoLockMinutes: 0, clearClipboard: false });
    expect(await readSettings()).toMatchObject({ autoLockMinutes: 0, clearClipboard: false });
    await vault.changePassphrase(PASSPHRASE, 'a brand new passphrase');
    const status = await vault.status();
    expect(status.settings).toMatchObject({ autoLockMinutes: 0, clearClipboard: false });
    expect(status).not.toHaveProperty('settingsIgnored');
  });

  it.each([
    ['auto-lock off, written without a MAC', { autoLockMinutes: 0 }],
    ['clipboard clearing off, written without a MAC', { clearClipboard: false }],
    ['clipboard clearing off under the MAC of auto-lock off', 'swap'],
    ['a MAC that is not base64', { autoLockMinutes: 0, mac: '%%%' }],
  ] as const)('are ignored for the safe default, with a notice: %s', async (_, tampered) => {
    const { vault } = testVault();
    await vault.create(PASSPHRASE);
    await vault.updateSettings({ theme: 'dark', autoLockMinutes: 30 });
    if (tampered === 'swap') {
      await vault.updateSettings({ autoLockMinutes: 0 });
      const signed = (await settingsItem.getValue())!;
      await settingsItem.setValue({ ...signed, autoLockMinutes: 30, clearClipboard: false });
    } else await settingsItem.setValue({ ...(await settingsItem.getValue())!, ...tampered });
    const status = await vault.status();
    expect(status.settings).toMatchObject({
      theme: 'dark',
      autoLockMinutes: tampered !== 'swap' && 'autoLockMinutes' in tampered ? DEFAULT_SETTINGS.autoLockMinutes : 30,
      clearClipboard: true,
    });
    expect(status.settingsIgnored).toBe(true);
    // Choosing again (signed now) ends the notice.
    await vault.updateSettings({ autoLockMinutes: 0 });
    expect(await vault.status()).not.toHaveProperty('settingsIgnored');
  });
});

describe('stored settings of the wrong kind', () => {
  it.each([
    ['auto-lock "0"', { autoLockMinutes: '0' }],
    ['auto-lock null', { autoLockMinutes: null }],
    ['auto-lock false', { autoLockMinutes: false }],
    ['auto-lock 1e9 minutes', { autoLockMinutes: 1e9 }],
    ['clipboard clearing 0', { clearClipboard: 0 }],
    ['clipboard clearing null', { clearClipboard: null }],
  ])('never turn a protection off: %s', async (_, stored) => {
    const { vault } = testVault();
    await vault.create(PASSPHRASE);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, ...stored } as never);
    expect((await vault.status()).settings).toMatchObject({
      autoLockMinutes: DEFAULT_SETTINGS.autoLockMinutes,
      clearClipboard: true,
    });
  });

  it('keep a signed "auto-lock off" when another setting changes while locked', async () => {
    const { vault } = testVault();
    await vault.create(PASSPHRASE);
    await vault.updateSettings({ autoLockMinutes: 0 });
    await vault.lock();
    await vault.updateSettings({ theme: 'dark' });
    await vault.unlock(PASSPHRASE);
    const status = await vault.status();
    expect(status.settings).toMatchObject({ autoLockMinutes: 0, theme: 'dark' });
    expect(status).not.toHaveProperty('settingsIgnored');
  });
});

describe('a rolled-back vault', () => {
  it('is reported when an older generation than this session saw is put back, until the next write', async () => {
    const { vault, accounts } = testVault();
    await vault.create(PASSPHRASE);
    await accounts.add({ account: sampleAccount(1) });
    const [old, oldPrevious] = [await vaultItem.getValue(), await previousVaultItem.getValue()];
    await accounts.add({ account: sampleAccount(2) });
    expect(await vault.status()).not.toHaveProperty('rolledBack');
    await vaultItem.setValue(old);
    await previousVaultItem.setValue(oldPrevious);
    const restarted = testVault(); // the worker restarted: only storage.session remembers
    expect(await restarted.vault.status()).toMatchObject({ state: 'unlocked', rolledBack: true });
    expect(await restarted.accounts.list()).toHaveLength(1);
    // A write continues above the generation seen, so the notice ends with it.
    await restarted.accounts.add({ account: sampleAccount(3) });
    expect(await restarted.vault.status()).not.toHaveProperty('rolledBack');
  });

  it('is not reported for a read that a write overtook, which shows the newer copy', async () => {
    const { vault, accounts } = testVault();
    await vault.create(PASSPHRASE);
    await accounts.add({ account: sampleAccount(1) });
    const restarted = testVault(); // a woken worker: nothing cached
    // The popup's read gets the stored copy, then waits while a scan's write commits a newer one.
    const stored = await vaultItem.getValue();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const getValue = vaultItem.getValue.bind(vaultItem);
    vi.spyOn(vaultItem, 'getValue').mockImplementationOnce(async () => {
      await held;
      return stored;
    });
    const reading = restarted.accounts.list();
    vi.mocked(vaultItem.getValue).mockImplementation(getValue);
    await restarted.accounts.add({ account: sampleAccount(2) });
    release();
    expect(await reading).toHaveLength(2);
    expect(await restarted.vault.status()).not.toHaveProperty('rolledBack');
    expect(await restarted.accounts.list()).toHaveLength(2);
  });

  it('is not reported after a lock, unlock and a fresh session', async () => {
    const { vault, accounts } = testVault();
    await vault.create(PASSPHRASE);
    await accounts.add({ account: sampleAccount(1) });
    await vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(await vault.status()).not.toHaveProperty('rolledBack');
  });
});
