import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { inProcessHelper } from '../../tests/in-process-helper';
import { utf8 } from '../core/internal/bytes';
import { importFile } from '../core/import/import-file';
import { parseMigrationUri } from '../core/scan/otpauth-migration';
import { parseOtpauthUri } from '../core/otp/otpauth-uri';
import { exportHandlers } from './export-handlers';
import { createMessageRouter, type Handlers, type Sender } from '../messaging/message-router';

const START = Date.UTC(2026, 10, 24);
/** The clock of the vault (unlock time) and of the handlers; a test moves it. */
let clock = START;
beforeEach(() => {
  fakeBrowser.reset();
  clock = START;
});

const options = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

async function setup() {
  const { vault, accounts, store } = testVault({ now: () => clock });
  await vault.create(PASSPHRASE);
  return {
    vault,
    accounts,
    route: createMessageRouter(exportHandlers(store, accounts, inProcessHelper, () => clock) as unknown as Handlers),
  };
}

describe('export.accounts', () => {
  it('refuses an empty vault, a short Aegis password and an unknown format', async () => {
    const { route, accounts } = await setup();
    expect(await route({ type: 'export.accounts', payload: { format: 'otpauth' } }, options())).toMatchObject({
      ok: false,
      error: { message: 'There are no accounts to export.' },
    });
    await accounts.add({ account: sampleAccount(1) });
    expect(
      await route({ type: 'export.accounts', payload: { format: 'aegis', password: 'short' } }, options()),
    ).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
    expect(await route({ type: 'export.accounts', payload: { format: 'csv' } }, options())).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('gives files that import back, and Google codes that scan back', async () => {
    const { route, accounts } = await setup();
    const account = sampleAccount(1);
    await accounts.add({ account });
    const plain = (await route({ type: 'export.accounts', payload: { format: 'otpauth' } }, options())) as {
      value: { fileName: string; text: string };
    };
    expect(plain.value.fileName).toBe('tessera-otpauth-2026-11-24.txt');
    expect((await importFile(utf8(plain.value.text))).accounts[0]!.account).toEqual(account);
    const aegis = (await route(
      { type: 'export.accounts', payload: { format: 'aegis', password: 'to aegis please' } },
      options(),
    )) as { value: { text: string } };
    expect((await importFile(utf8(aegis.value.text), 'to aegis please')).accounts[0]!.account).toEqual(account);
    const google = (await route({ type: 'export.accounts', payload: { format: 'google' } }, options())) as {
      value: { uris: string[]; notMovable: unknown[] };
    };
    expect(google.value.notMovable).toEqual([]);
    expect(parseMigrationUri(google.value.uris[0]!).accounts).toEqual([account]);
  });

  it('gives one account its URI, for extension pages only', async () => {
    const { route, accounts } = await setup();
    const id = await accounts.add({ account: sampleAccount(2) });
    const reply = (await route({ type: 'export.accountUri', payload: { id } }, options())) as { value: string };
    expect(parseOtpauthUri(reply.value)).toEqual(sampleAccount(2));
    const page: Sender = { id: fakeBrowser.runtime.id, url: 'https://example.com/', tab: { id: 1 } as Sender['tab'] };
    expect(await route({ type: 'export.accountUri', payload: { id } }, page)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it.each([
    ['the plain otpauth list', { type: 'export.accounts', payload: { format: 'otpauth' } }],
    ['an Aegis file', { type: 'export.accounts', payload: { format: 'aegis', password: 'to aegis please' } }],
    ['Google codes', { type: 'export.accounts', payload: { format: 'google' } }],
    ['a QR code', { type: 'export.accountUri', payload: { id: 'ID' } }],
  ])('asks for the passphrase again for %s over a minute after the unlock', async (_, message) => {
    const { route, accounts, vault } = await setup();
    const id = await accounts.add({ account: sampleAccount(3) });
    const ask = (extra: object = {}) =>
      route(
        { type: message.type, payload: { ...message.payload, ...('id' in message.payload ? { id } : {}), ...extra } },
        options(),
      );
    clock += 60_000;
    expect(await ask()).toMatchObject({ ok: true });
    clock += 1;
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'reauth-required' } });
    expect(await ask({ vaultPassphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase', message: 'That passphrase is not right.' },
    });
    expect(await ask({ vaultPassphrase: PASSPHRASE })).toMatchObject({ ok: true });
    // Typing it counts as a fresh unlock for the next minute.
    clock += 30_000;
    expect(await ask()).toMatchObject({ ok: true });
    // A new unlock is fresh too.
    clock += 10 * 60_000;
    await vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(await ask()).toMatchObject({ ok: true });
  });
});
