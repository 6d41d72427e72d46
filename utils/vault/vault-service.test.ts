import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateCode } from '../core/otp/otp';
import { parseOtpauthUri } from '../core/otp/otpauth-uri';
import { prng } from '../../tests/prng';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { previousVaultItem, sessionKeyItem, vaultItem } from './vault-items';
import { fromBase64 } from '../core/internal/bytes';
import { openVault, unwrapDataKey } from '../core/vault/vault-crypto';
import { requireKey } from './session-key';
import { createVaultService } from './vault-service';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
  );
}

describe('the vault service', () => {
  it('starts new, creates an unlocked empty vault, locks and unlocks', async () => {
    const { vault, accounts } = testVault();
    expect((await vault.status()).state).toBe('new');
    expect(await vault.create(PASSPHRASE)).toMatchObject({
      state: 'unlocked',
      restored: false,
      settings: { autoLockMinutes: 15 },
    });
    expect(await accounts.list()).toEqual([]);
    expect((await vault.lock()).state).toBe('locked');
    expect(await rejection(accounts.list())).toEqual({ code: 'locked', message: 'Tessera is locked.' });
    expect((await vault.unlock(PASSPHRASE)).state).toBe('unlocked');
  });

  it('refuses passphrases under 8 characters, and a second vault', async () => {
    const { vault } = testVault();
    expect(await rejection(vault.create('short12'))).toEqual({
      code: 'weak-passphrase',
      message: 'Use at least 8 characters.',
    });
    await vault.create(PASSPHRASE);
    expect((await rejection(vault.create(PASSPHRASE))).code).toBe('vault-exists');
  });

  it('says so on a wrong passphrase and stays locked', async () => {
    const { vault } = testVault();
    await vault.create(PASSPHRASE);
    await vault.lock();
    expect(await rejection(vault.unlock('wrong passphrase'))).toEqual({
      code: 'wrong-passphrase',
      message: 'That passphrase is not right.',
    });
    expect((await vault.status()).state).toBe('locked');
  });

  it('keeps accounts across lock and unlock, and shows codes but never secrets', async () => {
    const { vault, accounts } = testVault({ now: () => 59_000 });
    await vault.create(PASSPHRASE);
    const id = await accounts.add({
      uri: 'otpauth://totp/ACME:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8',
    });
    await vault.lock();
    await vault.unlock(PASSPHRASE);
    const [view] = await accounts.list();
    const account = parseOtpauthUri('otpauth://totp/ACME:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8');
    expect(view).toEqual({
      id,
      type: 'totp',
      issuer: 'ACME',
      label: 'alice',
      algorithm: 'SHA1',
      digits: 8,
      period: 30,
      pinned: false,
      code: '94287082',
      nextCode: generateCode(account, 60_000),
      validFrom: 30_000,
    });
    expect(JSON.stringify(view)).not.toContain('GEZDGNBV');
  });

  it('edits and removes accounts, refusing invalid changes and unknown ids', async () => {
    const { vault, accounts } = testVault();
    await vault.create(PASSPHRASE);
    const id = await accounts.add({ account: sampleAccount(1) });
    await accounts.edit(id, { issuer: 'Renamed', digits: 8 });
    expect((await accounts.list())[0]).toMatchObject({ issuer: 'Renamed', digits: 8 });
    expect(await rejection(accounts.edit(id, { digits: 12 }))).toMatchObject({
      message: 'digits must be 6-10 (got "12")',
    });
    await accounts.remove(id);
    expect(await accounts.list()).toEqual([]);
    expect((await rejection(accounts.remove(id))).code).toBe('not-found');
  });

  it('changes the passphrase (asking for the old one) and keeps everything', async () => {
    const { vault, accounts } = testVault();
    await vault.create(PASSPHRASE);
    await accounts.add({ account: sampleAccount(1) });
    expect((await rejection(vault.changePassphrase('not the old one', 'a brand new passphrase'))).code).toBe(
      'wrong-passphrase',
    );
    expect((await rejection(vault.changePassphrase(PASSPHRASE, 'short'))).code).toBe('weak-passphrase');
    await vault.changePassphrase(PASSPHRASE, 'a brand new passphrase');
    await vault.lock();
    expect((await rejection(vault.unlock(PASSPHRASE))).code).toBe('wrong-passphrase');
    await vault.unlock('a brand new passphrase');
    expect(await accounts.list()).toHaveLength(1);
    // No copy wrapped under the old passphrase stays behind.
    await vault.lock();
    await vaultItem.setValue((await previousVaultItem.getValue())!);
    expect((await rejection(vault.unlock(PASSPHRASE))).code).toBe('wrong-passphrase');
  });

  it('rotates the data key on a passphrase change: the old copy and old passphrase open nothing written since', async () => {
    const { vault, accounts, store } = testVault();
    await vault.create(PASSPHRASE);
    await accounts.add({ account: sampleAccount(1) });
    const oldCopy = fromBase64((await vaultItem.getValue())!);
    const oldKey = await requireKey();
    await vault.changePassphrase(PASSPHRASE, 'a brand new passphrase');
    const newKey = await requireKey();
    expect(newKey).not.toEqual(oldKey);
    // What a thief of an old copy (or an old backup) and the old passphrase gets: the old key.
    expect(await unwrapDataKey(oldCopy, PASSPHRASE)).toEqual(oldKey);
    for (const generation of [await vaultItem.getValue(), await previousVaultItem.getValue()]) {
      const bytes = fromBase64(generation!);
      expect((await rejection(openVault(bytes, oldKey))).code).toBe('vault-damaged');
      expect((await rejection(unwrapDataKey(bytes, PASSPHRASE))).code).toBe('wrong-passphrase');
      expect(await unwrapDataKey(bytes, 'a brand new passphrase')).toEqual(newKey);
    }
    // And the other way: the new passphrase does not open the old copy.
    expect((await rejection(unwrapDataKey(oldCopy, 'a brand new passphrase'))).code).toBe('wrong-passphrase');
    // The session goes on with the new key; a write still holding the old one is refused, not mixed in.
    expect(await accounts.list()).toHaveLength(1);
    expect((await rejection(store.update(oldKey, () => undefined))).code).toBe('vault-damaged');
    await accounts.add({ account: sampleAccount(2) });
    await vault.lock();
    await vault.unlock('a brand new passphrase');
    expect(await accounts.list()).toHaveLength(2);
  });

  it('erases what else keeps the vault in this browser (automatic backups) with it, and only then', async () => {
    const { store, autoLock } = testVault();
    const erased: string[] = [];
    const vault = createVaultService({ store, autoLock, onReset: async () => void erased.push('copies') });
    await vault.create(PASSPHRASE);
    await rejection(vault.reset('delete'));
    expect(erased).toEqual([]);
    await vault.reset('DELETE');
    expect(erased).toEqual(['copies']);
  });

  it('has copies under the old passphrase made again after a change, and stands if that fails', async () => {
    const { store, autoLock } = testVault();
    const calls: string[] = [];
    const vault = createVaultService({
      store,
      autoLock,
      onPassphraseChanged: async () => {
        calls.push('again');
        throw new Error('no downloads');
      },
    });
    await vault.create(PASSPHRASE);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await vault.changePassphrase(PASSPHRASE, 'a changed passphrase');
    expect(calls).toEqual(['again']);
    await vault.lock();
    expect((await vault.unlock('a changed passphrase')).state).toBe('unlocked');
  });

  it('resets only after the typed confirmation', async () => {
    const { vault } = testVault();
    await vault.create(PASSPHRASE);
    expect(await rejection(vault.reset('delete'))).toEqual({
      code: 'invalid-input',
      message: 'Type DELETE to confirm.',
    });
    expect((await vault.reset('DELETE')).state).toBe('new');
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty('vault');
    expect(await sessionKeyItem.getValue()).toBeNull();
  });

  it('falls back to the previous generation when the newest does not decrypt, and says so', async () => {
    const { vault, accounts } = testVault();
    await vault.create(PASSPHRASE);
    await accounts.add({ account: sampleAccount(1) });
    await accounts.add({ account: sampleAccount(2) });
    const stored = (await vaultItem.getValue())!;
    await vaultItem.setValue(stored.slice(0, -8) + (stored.slice(-8, -7) === 'A' ? 'B' : 'A') + stored.slice(-7));
    const fresh = testVault(); // a restarted worker: nothing cached
    expect(await fresh.vault.status()).toMatchObject({ state: 'unlocked', restored: true });
    expect(await fresh.accounts.list()).toHaveLength(1);
    // The next write repairs it from the good copy.
    await fresh.accounts.add({ account: sampleAccount(3) });
    expect(await fresh.vault.status()).toMatchObject({ restored: false });
    expect((await fresh.accounts.list()).map((a) => a.issuer)).toEqual(['Issuer 1', 'Issuer 3']);
  });

  it('unlocks from the previous generation when the newest header is damaged', async () => {
    const { vault, accounts } = testVault();
    await vault.create(PASSPHRASE);
    await accounts.add({ account: sampleAccount(1) });
    await vault.lock();
    await vaultItem.setValue('AAAA' + (await vaultItem.getValue())!.slice(4));
    expect(await vault.unlock(PASSPHRASE)).toMatchObject({ state: 'unlocked', restored: true });
  });

  it('reports a vault with no readable generation as damaged', async () => {
    const { vault, accounts } = testVault();
    await vault.create(PASSPHRASE);
    await accounts.add({ account: sampleAccount(1) });
    await vaultItem.setValue('bm90IGEgdmF1bHQ=');
    await previousVaultItem.setValue('bm90IGEgdmF1bHQ=');
    expect(await rejection(testVault().accounts.list())).toMatchObject({ code: 'vault-damaged' });
  });

  it('reports a full storage quota and changes nothing', async () => {
    const { vault, accounts } = testVault();
    await vault.create(PASSPHRASE);
    const before = await vaultItem.getValue();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    expect(await rejection(accounts.add({ account: sampleAccount(1) }))).toEqual({
      code: 'storage-full',
      message: "The browser's storage for Tessera is full; nothing was changed.",
    });
    set.mockRestore();
    expect(await vaultItem.getValue()).toBe(before);
    expect(await accounts.list()).toEqual([]);
  });

  it('loses nothing when 100 updates arrive at once in random order', async () => {
    const now = 1_700_000_000_000;
    const { vault, accounts } = testVault({ now: () => now });
    await vault.create(PASSPHRASE);
    const random = prng(0x0dd5eed);
    const order = Array.from({ length: 100 }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    // Two "popups" and a "content script": three services over the same store would race; one queue does not.
    // Some updates arrive at once, the others each when an earlier one has been written, so they
    // keep arriving while writes are under way.
    const updates: Promise<unknown>[] = [];
    for (const n of order) {
      const after = updates.length > 0 && random() < 0.7 ? updates[Math.floor(random() * updates.length)]! : undefined;
      const add = () => accounts.add({ account: sampleAccount(n) });
      updates.push(after ? after.then(add) : add());
    }
    await Promise.all(updates);
    const issuers = (await accounts.list()).map((view) => view.issuer);
    expect(issuers).toHaveLength(100);
    expect(new Set(issuers)).toEqual(new Set(order.map((n) => `Issuer ${n}`)));
    expect((await accounts.list()).map((view) => view.code)).toEqual(
      Array(100).fill(generateCode(sampleAccount(0), now)),
    );
  });

  it('never writes a secret, issuer or label to storage.local in plain text', async () => {
    const { vault, accounts } = testVault();
    await vault.create(PASSPHRASE);
    await accounts.add({
      account: sampleAccount(7, {
        issuer: 'VerySecretBank',
        label: 'hidden-user@example.com',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      }),
    });
    const raw = JSON.stringify(await fakeBrowser.storage.local.get(null));
    for (const needle of ['VerySecretBank', 'hidden-user', 'GEZDGNBV', PASSPHRASE]) expect(raw).not.toContain(needle);
  });
});
