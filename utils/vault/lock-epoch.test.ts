/**
 * Lock means gone (issue 15): work already running when the vault locks (an import decrypting, a
 * scan decoding, a vault read or write, a passphrase change) keeps nothing afterwards: no pending
 * scan in storage.session, no decrypted cache, no key, no undo copy. Each case locks and unlocks
 * again mid-way, so only the lock epoch (not "is it locked now?") can tell.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { inProcessHelper } from '../../tests/in-process-helper';
import { toBase64, utf8 } from '../core/internal/bytes';
import { buildOtpauthUri } from '../core/otp/build-otpauth-uri';
import type { ParsedImport } from '../core/import/imported';
import { createMessageRouter, type Handlers, type Sender } from '../messaging/message-router';
import { createPreviewService } from '../preview/preview-service';
import { pendingScanItem } from '../preview/pending-scan-item';
import { scanHandlers } from '../scan/scan-handlers';
import { importHandlers } from '../transfer/import-handlers';
import { requireKey } from './session-key';

/** A promise the test settles by hand, to stop work in flight at a chosen point. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

const gates = { importFile: deferred<ParsedImport>(), pixels: deferred<unknown>() };

vi.mock('../core/import/import-file', () => ({ importFile: () => gates.importFile.promise }));
vi.mock('../scan/image-pixels', () => ({ dataUrlBlob: () => new Blob(), imagePixels: () => gates.pixels.promise }));
vi.mock('../core/scan/qr-decode', () => ({ findQrCodes: () => [buildOtpauthUri(sampleAccount(1))] }));

beforeEach(() => {
  fakeBrowser.reset();
  gates.importFile = deferred();
  gates.pixels = deferred();
});

const options = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

async function setup() {
  const parts = testVault();
  await parts.vault.create(PASSPHRASE);
  const previews = createPreviewService({ accounts: parts.accounts });
  const route = createMessageRouter({
    ...importHandlers(previews, inProcessHelper),
    ...scanHandlers(previews, inProcessHelper),
  } as unknown as Handlers);
  /** Locks, then unlocks again: the vault is open, but not the session the work began in. */
  const relock = async () => {
    await parts.vault.lock();
    await parts.vault.unlock(PASSPHRASE);
  };
  return { ...parts, route, relock };
}

/** Lets the handler run up to the gate it waits on. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('a lock while work is under way', () => {
  it('keeps an import that was decrypting out of storage.session', async () => {
    const { route, relock } = await setup();
    const reply = route({ type: 'import.file', payload: { data: toBase64(utf8('{}')) } }, options());
    await settle();
    await relock();
    gates.importFile.resolve({ format: 'Aegis', accounts: [{ account: sampleAccount(1), tags: [] }], skipped: [] });
    expect(await reply).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await pendingScanItem.getValue()).toBeNull();
  });

  it('keeps a scan that was decoding out of storage.session', async () => {
    const { route, relock } = await setup();
    const reply = route({ type: 'scan.image', payload: { dataUrl: 'data:image/png;base64,AA==' } }, options());
    await settle();
    await relock();
    gates.pixels.resolve({ width: 1, height: 1, data: new Uint8ClampedArray(4) });
    expect(await reply).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await pendingScanItem.getValue()).toBeNull();
  });

  it('still keeps what a scan found when nothing locked', async () => {
    const { route } = await setup();
    const reply = route({ type: 'scan.image', payload: { dataUrl: 'data:image/png;base64,AA==' } }, options());
    gates.pixels.resolve({ width: 1, height: 1, data: new Uint8ClampedArray(4) });
    expect(await reply).toMatchObject({ ok: true });
    expect((await pendingScanItem.getValue())?.accounts).toHaveLength(1);
  });

  it('does not refill the decrypted cache from a read that began before the lock', async () => {
    const { store, vault, accounts } = await setup();
    await accounts.add({ account: sampleAccount(1) });
    const key = await requireKey();
    store.forget();
    const reading = store.read(key);
    await vault.lock();
    await reading;
    // Were the contents cached, this read would not look at storage at all.
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await store.read(key);
    expect(get).toHaveBeenCalled();
  });

  it('does not refill the cache from a request that got its key before the lock and ran after it', async () => {
    const { store, vault, accounts } = await setup();
    await accounts.add({ account: sampleAccount(1) });
    const staleKey = await requireKey();
    await vault.lock();
    await store.update(staleKey, (contents) => contents);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await store.read(staleKey);
    expect(get).toHaveBeenCalled();
  });

  it('does not keep the new key of a passphrase change that finished after the lock', async () => {
    const { vault, store } = await setup();
    // The lock lands after the vault was rewritten, before the session takes the new key.
    const rotate = store.changePassphrase.bind(store);
    vi.spyOn(store, 'changePassphrase').mockImplementation(async (...args) => {
      const rotated = await rotate(...args);
      await vault.lock();
      return rotated;
    });
    await vault.updateSettings({ autoLockMinutes: 0 });
    await expect(vault.changePassphrase(PASSPHRASE, 'a brand new passphrase')).rejects.toMatchObject({
      code: 'locked',
      // Not "nothing was kept": the vault was re-keyed, and the user must know which passphrase opens it.
      message: expect.stringMatching(/The change was made: unlock with the new passphrase/),
    });
    expect((await vault.status()).state).toBe('locked');
    // The vault itself was rewritten (encrypted): the new passphrase opens it, with its settings signed anew.
    await vault.unlock('a brand new passphrase');
    const status = await vault.status();
    expect(status.settings.autoLockMinutes).toBe(0);
    expect(status).not.toHaveProperty('settingsIgnored');
  });

  it('drops an account kept for undo', async () => {
    const { accounts, relock } = await setup();
    const id = await accounts.add({ account: sampleAccount(1) });
    const { undo } = await accounts.remove(id);
    await relock();
    await expect(accounts.undoRemove(undo)).rejects.toMatchObject({ code: 'not-found' });
  });
});
