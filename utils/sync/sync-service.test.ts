/**
 * The sync service with WXT's fakeBrowser. Its one storage.sync stands for the browser account
 * every device shares (instant delivery); each device has its own storage.local and
 * storage.session, swapped in when the test switches to it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { prng } from '../../tests/prng';
import { parseOtpauthUri } from '../core/otp/otpauth-uri';
import { createSyncService } from './sync-service';
import { createVaultService } from '../vault/vault-service';
import { createAccountsService } from '../accounts/accounts-service';
import { requireKey } from '../vault/session-key';
import { BURST_EVERY_MS, QUIET_MS } from './sync-schedule';
import { testSites } from '../../tests/test-sites';

type Items = Record<string, unknown>;

beforeEach(() => fakeBrowser.reset());

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
  );
}

/** One device: its services, and its storage.local and storage.session while another one runs. */
function makeDevice(label: string) {
  const base = testVault();
  const sync = createSyncService({ store: base.store, label: async () => label });
  base.store.setSyncHooks(sync.storeHooks);
  const vault = createVaultService({ store: base.store, autoLock: base.autoLock, sync: sync.vaultSync });
  const accounts = createAccountsService({ store: base.store, clockOffset: async () => 0, sites: testSites() });
  return { ...base, vault, accounts, sync, label, saved: { local: {} as Items, session: {} as Items } };
}
type Device = ReturnType<typeof makeDevice>;
function device(label: string): Device {
  const made_ = makeDevice(label);
  made.push(made_);
  return made_;
}

let current: Device | undefined;
const made: Device[] = [];

/**
 * Makes `next` the device whose storage.local and storage.session are in place, once the current
 * one's sync rounds are done (its debounced upload is dropped: the test syncs by "Sync now").
 */
async function use(next: Device): Promise<Device> {
  if (current === next) return next;
  if (current) {
    await current.sync.settled();
    current.sync.cancel();
    current.saved = {
      local: await browser.storage.local.get(null),
      session: await browser.storage.session.get(null),
    };
  }
  await browser.storage.local.clear();
  await browser.storage.session.clear();
  await browser.storage.local.set(next.saved.local);
  await browser.storage.session.set(next.saved.session);
  current = next;
  return next;
}
beforeEach(() => {
  current = undefined;
});
afterEach(async () => {
  for (const d of made.splice(0)) {
    await d.sync.settled();
    d.sync.cancel();
  }
});

const synced = async (): Promise<Items> => browser.storage.sync.get(null);
const names = async (d: Device) => (await d.accounts.list()).map(({ issuer, label }) => `${issuer} ${label}`).sort();

/** A device with a vault of `count` sample accounts and sync on. */
async function syncingDevice(label: string, count = 2): Promise<Device> {
  const d = await use(device(label));
  await d.vault.create(PASSPHRASE);
  for (let i = 1; i <= count; i++) await d.accounts.add({ account: sampleAccount(i) });
  await d.sync.enable();
  return d;
}

/** Each area item of `device` in storage.sync. */
async function areaKeys(id: string): Promise<string[]> {
  return Object.keys(await synced()).filter((key) => key === `t.d.${id}` || key.startsWith(`t.d.${id}.`));
}
const deviceIdOf = async () => String((await browser.storage.local.get('syncDevice')).syncDevice);

describe('the sync service', () => {
  it('turns on: writes the key header and an area of ciphertext only, and reports its status', async () => {
    const a = await syncingDevice('Chrome · Linux');
    const items = await synced();
    expect(Object.keys(items)).toContain('t.h');
    expect(await areaKeys(await deviceIdOf())).not.toEqual([]);
    const text = JSON.stringify(items);
    for (const secret of ['JBSWY3DPEHPK3PXP', 'user1@example.com', 'Issuer 1']) expect(text).not.toContain(secret);
    const status = await a.sync.status();
    expect(status).toMatchObject({ enabled: true, quota: 102_400, notices: [] });
    expect(status.lastSyncedAt).toEqual(expect.any(Number));
    expect(status.bytes).toBeGreaterThan(0);
    expect(status.devices).toEqual([expect.objectContaining({ label: 'Chrome · Linux', self: true })]);
  });

  it("refuses to turn on where another vault's header is synced, writing nothing", async () => {
    await syncingDevice('first');
    const before = await synced();
    const other = await use(device('second'));
    await other.vault.create('another passphrase entirely');
    expect((await rejection(other.sync.enable())).code).toBe('sync-other-vault');
    expect(await synced()).toEqual(before);
    expect((await other.sync.status()).enabled).toBe(false);
  });

  it('joins from a browser with no vault: status says synced, a wrong passphrase writes nothing', async () => {
    const a = await syncingDevice('A');
    const expected = await names(a);
    const b = await use(device('B'));
    expect(await b.vault.status()).toMatchObject({ state: 'new', synced: true });
    expect(await rejection(b.vault.join('not the passphrase'))).toEqual({
      code: 'wrong-passphrase',
      message: 'That passphrase is not right.',
    });
    expect(await browser.storage.local.get('vault')).toEqual({});
    expect(await b.vault.join(PASSPHRASE)).toMatchObject({ state: 'unlocked' });
    expect(await names(b)).toEqual(expected);
    // The same header, so the same passphrase opens both; sync is on here too.
    await b.vault.lock();
    expect((await b.vault.unlock(PASSPHRASE)).state).toBe('unlocked');
    expect((await b.sync.status()).enabled).toBe(true);
  });

  it('refuses to join a damaged synced header or one from a newer Tessera, writing nothing', async () => {
    await syncingDevice('A');
    const header = JSON.parse(String((await synced())['t.h'])) as Record<string, unknown>;
    const b = await use(device('B'));
    await browser.storage.sync.set({ 't.h': JSON.stringify({ ...header, f: 2 }) });
    expect((await rejection(b.vault.join(PASSPHRASE))).code).toBe('unsupported-version');
    await browser.storage.sync.set({ 't.h': JSON.stringify({ ...header, k: 'AAAAAAAAAAAA' }) });
    expect((await rejection(b.vault.join(PASSPHRASE))).code).toBe('vault-damaged');
    expect(await browser.storage.local.get('vault')).toEqual({});
  });

  it('without a synced vault, a new browser is only new', async () => {
    const d = await use(device('alone'));
    expect(await d.vault.status()).toEqual(expect.not.objectContaining({ synced: true }));
    expect((await rejection(d.vault.join(PASSPHRASE))).code).toBe('no-vault');
  });

  it('merges edits made on two devices', async () => {
    const a = await syncingDevice('A');
    const b = await use(device('B'));
    await b.vault.join(PASSPHRASE);
    await b.accounts.add({ account: sampleAccount(3) });
    await b.sync.now();
    await use(a);
    await a.accounts.add({ account: sampleAccount(4) });
    await a.sync.now();
    await use(b);
    await b.sync.now();
    const all = [
      'Issuer 1 user1@example.com',
      'Issuer 2 user2@example.com',
      'Issuer 3 user3@example.com',
      'Issuer 4 user4@example.com',
    ];
    expect(await names(b)).toEqual(all);
    await use(a);
    await a.sync.now();
    expect(await names(a)).toEqual(all);
    expect((await a.sync.status()).devices.map((seen) => seen.label).sort()).toEqual(['A', 'B']);
  });

  it('pauses with the bytes needed when the quota would be exceeded; local accounts stay', async () => {
    const a = await syncingDevice('A', 0);
    const before = await synced();
    // Random secrets do not compress: 600 of 128 base32 characters are over 100 KB.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const next = prng(17);
    const random = (length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * 32)]).join('');
    const links = Array.from(
      { length: 600 },
      (_, i) => `otpauth://totp/Bulk:${random(30)}?secret=${random(128)}&issuer=Bulk${i}`,
    );
    await a.accounts.importAccounts(links.map((uri) => ({ account: parseOtpauthUri(uri) })));
    const status = await a.sync.now();
    expect(status.paused).toEqual({ reason: 'quota', bytes: expect.any(Number), quota: 102_400 });
    expect(status.paused!.bytes).toBeGreaterThan(102_400);
    // Nothing was written beyond what was there; local use goes on.
    expect(Object.keys(await synced()).sort()).toEqual(Object.keys(before).sort());
    expect((await a.accounts.list()).length).toBe(600);
  });

  it('ignores a tampered area whole, with a notice, and never touches local accounts with it', async () => {
    const a = await syncingDevice('A');
    const b = await use(device('B'));
    await b.vault.join(PASSPHRASE);
    await b.accounts.add({ account: sampleAccount(9) });
    await b.sync.now();
    const idB = await deviceIdOf();
    const chunk = (await areaKeys(idB)).find((key) => key !== `t.d.${idB}`)!;
    const value = String((await synced())[chunk]);
    await browser.storage.sync.set({
      [chunk]: value.slice(0, -4) + (value.at(-4) === 'A' ? 'B' : 'A') + value.slice(-3),
    });
    await use(a);
    const before = await names(a);
    const status = await a.sync.now();
    expect(status.notices).toEqual([{ device: idB, label: idB, code: 'sync-damaged' }]);
    expect(await names(a)).toEqual(before);
    expect(before).not.toContain('Issuer 9 user9@example.com');
  });

  it('ignores an area from a newer format with a notice', async () => {
    const a = await syncingDevice('A');
    const idA = await deviceIdOf();
    const meta = JSON.parse(String((await synced())[`t.d.${idA}`])) as Record<string, unknown>;
    await browser.storage.sync.set({ 't.d.newerdevice0': JSON.stringify({ ...meta, f: 2 }) });
    const before = await names(a);
    const status = await a.sync.now();
    expect(status.notices).toEqual([expect.objectContaining({ device: 'newerdevice0', code: 'sync-newer' })]);
    expect(await names(a)).toEqual(before);
  });

  it('carries a passphrase change to another device, which re-keys at its next unlock', async () => {
    const a = await syncingDevice('A');
    const b = await use(device('B'));
    await b.vault.join(PASSPHRASE);
    await use(a);
    const next = 'the new passphrase of A';
    await a.vault.changePassphrase(PASSPHRASE, next);
    // B, still unlocked under the old key, edits offline, then hears of the new key: it pauses.
    await use(b);
    await b.accounts.add({ account: sampleAccount(5) });
    expect((await b.sync.now()).paused).toEqual({ reason: 'other-key' });
    await b.vault.lock();
    // The old passphrase still opens B's own vault; the notice stays.
    expect((await b.vault.unlock(PASSPHRASE)).state).toBe('unlocked');
    expect((await b.sync.now()).paused).toEqual({ reason: 'other-key' });
    await b.vault.lock();
    // The new one opens the synced header: B re-keys, keeping its offline edit, and syncs again.
    expect((await b.vault.unlock(next)).state).toBe('unlocked');
    const status = await b.sync.now();
    expect(status.paused).toBeUndefined();
    expect(await names(b)).toContain('Issuer 5 user5@example.com');
    await b.vault.lock();
    expect((await rejection(b.vault.unlock(PASSPHRASE))).code).toBe('wrong-passphrase');
    await use(a);
    await a.sync.now();
    expect(await names(a)).toEqual([
      'Issuer 1 user1@example.com',
      'Issuer 2 user2@example.com',
      'Issuer 5 user5@example.com',
    ]);
  });

  it('erasing the vault stops syncing here; a separate vault then does not sync', async () => {
    const a = await syncingDevice('A');
    const before = await synced();
    await a.vault.reset('DELETE');
    expect(await a.vault.status()).toMatchObject({ state: 'new', synced: true });
    expect((await a.sync.status()).enabled).toBe(false);
    await a.vault.create('a separate passphrase');
    await a.accounts.add({ account: sampleAccount(8) });
    expect(await synced()).toEqual(before);
  });

  it('stops syncing: local accounts stay; the synced copy goes only when asked', async () => {
    const a = await syncingDevice('A');
    const before = await names(a);
    expect((await a.sync.disable(false)).enabled).toBe(false);
    expect(Object.keys(await synced())).toContain('t.h');
    expect(await names(a)).toEqual(before);
    await a.sync.enable();
    await a.sync.disable(true);
    expect(await synced()).toEqual({});
    expect(await names(a)).toEqual(before);
  });

  it('joins again after an erase here, bringing back what only its own area held; others then get it all', async () => {
    const a = await syncingDevice('A', 3);
    const all = await names(a);
    const seq = () => synced().then((items) => (JSON.parse(String(items[`t.d.${id}`])) as { q: number }).q);
    const id = await deviceIdOf();
    const written = await seq();
    await a.vault.reset('DELETE');
    await a.vault.join(PASSPHRASE);
    expect(await names(a)).toEqual(all);
    await a.accounts.add({ account: sampleAccount(4) });
    await a.sync.now();
    // The next write goes on from the seq in storage: a seq is never written twice.
    expect(await seq()).toBeGreaterThan(written);
    const c = await use(device('C'));
    await c.vault.join(PASSPHRASE);
    expect(await names(c)).toEqual([...all, 'Issuer 4 user4@example.com']);
  });

  it('turned off, then on again, keeps the edits the others made meanwhile, and its own', async () => {
    const a = await syncingDevice('A');
    const b = await use(device('B'));
    await b.vault.join(PASSPHRASE);
    await use(a);
    await a.sync.disable(false);
    await a.accounts.add({ account: sampleAccount(3) });
    await use(b);
    const [first] = await b.accounts.list();
    await b.accounts.edit(first!.id, { issuer: 'Renamed on B' });
    await b.sync.now();
    await use(a);
    await a.sync.enable();
    const expected = ['Issuer 2 user2@example.com', 'Issuer 3 user3@example.com', 'Renamed on B user1@example.com'];
    expect(await names(a)).toEqual(expected);
    await use(b);
    await b.sync.now();
    expect(await names(b)).toEqual(expected);
  });

  it('unlocks with a passphrase that opens both the synced header and its own vault (P, X, then P again elsewhere)', async () => {
    const a = await syncingDevice('A');
    const b = await use(device('B'));
    await b.vault.join(PASSPHRASE);
    await b.vault.lock();
    await use(a);
    await a.vault.changePassphrase(PASSPHRASE, 'an interim passphrase');
    await a.vault.changePassphrase('an interim passphrase', PASSPHRASE);
    await a.accounts.add({ account: sampleAccount(6) });
    await a.sync.now();
    await use(b);
    expect((await b.vault.unlock(PASSPHRASE)).state).toBe('unlocked');
    expect((await b.sync.now()).paused).toBeUndefined();
    expect(await names(b)).toContain('Issuer 6 user6@example.com');
  });

  it('stamps edits while on and uploads them later: 5 s of quiet, 10 s after the last burst', async () => {
    const a = await syncingDevice('A');
    const id = await deviceIdOf();
    const meta = () => synced().then((items) => items[`t.d.${id}`]);
    const written = await meta();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await a.accounts.add({ account: sampleAccount(7) });
      const { contents } = await a.store.read(await requireKey());
      expect(Object.keys(contents.sync!.records)).toHaveLength(3);
      // Turning sync on was a burst a moment ago: the upload waits until 10 s after it.
      await vi.advanceTimersByTimeAsync(QUIET_MS);
      expect(await meta()).toBe(written);
      await vi.advanceTimersByTimeAsync(BURST_EVERY_MS - QUIET_MS);
      await vi.waitFor(async () => expect(await meta()).not.toBe(written));
    } finally {
      vi.useRealTimers();
    }
  });
});
