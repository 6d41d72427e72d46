import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countGets } from '../../tests/count-gets';
import { PASSPHRASE, testVault } from '../../tests/test-vault';
import { nextLockEpoch } from '../vault/lock-epoch';
import { requireKey, sessionKey } from '../vault/session-key';
import { sessionKeyItem } from '../vault/vault-items';
import { defineItem, removeItems, setItems } from './stored-item';
import { readAtWake } from './wake-reads';

const settings = defineItem<{ theme: string }>('local:testSettings', { fallback: { theme: 'system' } });
const blob = defineItem<string>('local:testBlob');
const secret = defineItem<{ key: string }>('session:testSecret');
/** Not among the keys read at wake. */
const other = defineItem<number>('session:testOther');
const WAKE_KEYS = [settings.key, blob.key, secret.key];

/**
 * A browser reports a change some time after the write; fakeBrowser before the write's promise
 * settles. Here no report comes at all (the listener stays in place as far as the code can tell),
 * so only what Tessera does on its own writes can drop a kept value.
 */
function silenceChanges(): void {
  for (const area of ['local', 'session'] as const) {
    const { onChanged } = fakeBrowser.storage[area];
    vi.spyOn(onChanged, 'hasListener').mockReturnValue(true);
    onChanged.removeAllListeners();
  }
}

beforeEach(() => fakeBrowser.reset());

describe('stored items', () => {
  it('read nothing when defined (WXT reads each item it defines at once)', () => {
    const gets = countGets();
    defineItem<string>('local:testDefined');
    defineItem<string>('session:testDefined', { fallback: 'x' });
    expect(gets).toEqual([]);
  });

  it('give the stored value, else the fallback, else null; a null write removes', async () => {
    expect(await settings.getValue()).toEqual({ theme: 'system' });
    expect(await blob.getValue()).toBeNull();
    await blob.setValue('abc');
    expect(await fakeBrowser.storage.local.get('testBlob')).toEqual({ testBlob: 'abc' });
    await blob.setValue(null);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('tell their watchers of each change, with the fallback for none', async () => {
    const seen: unknown[] = [];
    const stop = settings.watch((value, old) => seen.push([value, old]));
    await settings.setValue({ theme: 'dark' });
    await settings.removeValue();
    stop();
    await settings.setValue({ theme: 'light' });
    expect(seen).toEqual([
      [{ theme: 'dark' }, { theme: 'system' }],
      [{ theme: 'system' }, { theme: 'dark' }],
    ]);
  });
});

describe('the wake reads', () => {
  it('read the wake keys with one get per area, then answer from it', async () => {
    await fakeBrowser.storage.local.set({ testSettings: { theme: 'dark' }, testBlob: 'vault' });
    await fakeBrowser.storage.session.set({ testSecret: { key: 'k1' } });
    const gets = countGets();
    readAtWake(WAKE_KEYS);
    for (let i = 0; i < 3; i++) {
      expect(await Promise.all([settings.getValue(), blob.getValue(), secret.getValue()])).toEqual([
        { theme: 'dark' },
        'vault',
        { key: 'k1' },
      ]);
    }
    expect(gets).toEqual(['local testSettings,testBlob', 'session testSecret']);
  });

  it('read other keys from storage every time', async () => {
    readAtWake(WAKE_KEYS);
    const gets = countGets();
    await other.setValue(1);
    expect([await other.getValue(), await other.getValue()]).toEqual([1, 1]);
    expect(gets).toEqual(['session testOther', 'session testOther']);
  });

  it('give each caller its own copy of a stored value', async () => {
    await settings.setValue({ theme: 'dark' });
    readAtWake(WAKE_KEYS);
    (await settings.getValue()).theme = 'changed by a caller';
    expect(await settings.getValue()).toEqual({ theme: 'dark' });
  });

  it("see Tessera's own writes at once, before the browser reports them", async () => {
    await secret.setValue({ key: 'k1' });
    await blob.setValue('one');
    readAtWake(WAKE_KEYS);
    expect([await secret.getValue(), await blob.getValue()]).toEqual([{ key: 'k1' }, 'one']);
    silenceChanges();
    // Each write is read back while it is under way, and once it is done.
    const reads = async (write: Promise<void>, ...items: { getValue(): Promise<unknown> }[]) => {
      const during = await Promise.all(items.map((item) => item.getValue()));
      await write;
      expect(await Promise.all(items.map((item) => item.getValue()))).toEqual(during);
      return during;
    };
    expect(await reads(secret.setValue({ key: 'k2' }), secret)).toEqual([{ key: 'k2' }]);
    expect(await reads(secret.removeValue(), secret)).toEqual([null]);
    const both = [
      { item: blob, value: 'two' },
      { item: settings, value: { theme: 'light' } },
    ];
    expect(await reads(setItems(both), blob, settings)).toEqual(['two', { theme: 'light' }]);
    expect(await reads(removeItems([blob, settings]), blob, settings)).toEqual([null, { theme: 'system' }]);
  });

  it('never keep what a read under way brought once the key is written', async () => {
    await blob.setValue('old');
    silenceChanges();
    readAtWake(WAKE_KEYS); // its get has the old value and has not answered yet
    const writing = blob.setValue('new');
    expect(await blob.getValue()).toBe('new');
    await writing;
    expect(await blob.getValue()).toBe('new');
  });

  it('read again after a change from elsewhere (storage.onChanged)', async () => {
    await secret.setValue({ key: 'k1' });
    readAtWake(WAKE_KEYS);
    expect(await secret.getValue()).toEqual({ key: 'k1' });
    await fakeBrowser.storage.session.set({ testSecret: { key: 'elsewhere' } });
    expect(await secret.getValue()).toEqual({ key: 'elsewhere' });
    await fakeBrowser.storage.session.remove('testSecret');
    expect(await secret.getValue()).toBeNull();
  });

  it('keep nothing while no listener would see a change (storage emptied under them)', async () => {
    await blob.setValue('vault');
    readAtWake(WAKE_KEYS);
    expect(await blob.getValue()).toBe('vault');
    fakeBrowser.reset(); // empties storage without onChanged, and removes every listener
    expect(await blob.getValue()).toBeNull();
  });

  it('drop the whole session area on a lock, even before anything is written', async () => {
    await secret.setValue({ key: 'k1' });
    readAtWake(WAKE_KEYS);
    expect(await secret.getValue()).toEqual({ key: 'k1' });
    const gets = countGets();
    nextLockEpoch();
    await secret.getValue();
    await blob.getValue();
    expect(gets).toEqual(['session testSecret']);
  });

  it('keep no failed read', async () => {
    readAtWake(WAKE_KEYS);
    await blob.getValue();
    await blob.setValue('vault');
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('busy'));
    await expect(blob.getValue()).rejects.toThrow('busy');
    expect(await blob.getValue()).toBe('vault');
  });
});

describe('a lock after a wake', () => {
  it('leaves no key to read: the next read sees none', async () => {
    const { vault } = testVault();
    await vault.create(PASSPHRASE);
    readAtWake([sessionKeyItem.key]);
    expect(await sessionKey()).not.toBeNull();
    silenceChanges(); // whatever the browser reports, and when
    await vault.lock();
    expect(await sessionKey()).toBeNull();
    await expect(requireKey()).rejects.toMatchObject({ code: 'locked' });
    expect(await vault.status()).toMatchObject({ state: 'locked' });
  });
});
