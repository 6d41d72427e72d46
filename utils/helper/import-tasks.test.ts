/**
 * The import chunk as the background calls it (tests/in-process-helper.ts: through JSON, errors
 * crossing by name and code): the same accounts and the same typed errors as importFile itself.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { inProcessHelper } from '../../tests/in-process-helper';
import { fixturePath } from '../../tests/shared-fixtures';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { encodeBackupFile } from '../core/export/backup-file';
import { ImportError } from '../core/import/import-error';
import { importFile } from '../core/import/import-file';
import { toBase64, utf8 } from '../core/internal/bytes';
import { ServiceError } from '../core/internal/service-error';
import { requireKey } from '../vault/session-key';

const base64 = (name: string) => toBase64(readFileSync(fixturePath(name)));

describe('the importFile task', () => {
  it.each([
    ['a plain Aegis vault', 'aegis-vault/aegis_plain_grouped_v2.json', undefined],
    ['an encrypted 2FAS backup with its password', 'aegis-importers/2fas_authenticator_encrypted_v4.2fas', 'test'],
    ['an otpauth:// list', 'aegis-importers/plain.txt', undefined],
  ])('reads %s as importFile does', async (_, name, password) => {
    const direct = await importFile(readFileSync(fixturePath(name)), password);
    const helped = await inProcessHelper.run('importFile', { data: base64(name), ...(password ? { password } : {}) });
    expect(helped.accounts.length).toBeGreaterThan(0);
    expect(helped).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it.each<[string, string, string | undefined, string]>([
    [
      'no password for an encrypted file',
      'aegis-importers/2fas_authenticator_encrypted_v4.2fas',
      undefined,
      'password-required',
    ],
    ['a wrong password', 'aegis-importers/2fas_authenticator_encrypted_v4.2fas', 'nope', 'wrong-password'],
  ])('throws the ImportError for %s', async (_, name, password, code) => {
    const failed = inProcessHelper.run('importFile', { data: base64(name), ...(password ? { password } : {}) });
    await expect(failed).rejects.toBeInstanceOf(ImportError);
    await expect(failed).rejects.toMatchObject({ code });
  });

  it('says a file Tessera does not know is not recognised, and text that is not base64 is invalid input', async () => {
    await expect(inProcessHelper.run('importFile', { data: toBase64(utf8('hello')) })).rejects.toMatchObject({
      name: 'ImportError',
      code: 'not-recognised',
    });
    const notBase64 = inProcessHelper.run('importFile', { data: 'not base64!' });
    await expect(notBase64).rejects.toBeInstanceOf(ServiceError);
    await expect(notBase64).rejects.toMatchObject({ code: 'invalid-input', message: 'data must be base64.' });
  });

  it("opens a Tessera backup with the chunk's own Argon2id: in the helper's Worker none is set up", async () => {
    const { vault, accounts, store } = testVault();
    await vault.create(PASSPHRASE);
    await accounts.add({ account: sampleAccount(1) });
    const { blob, contents } = await store.backup(await requireKey(), 'a backup passphrase');
    const file = encodeBackupFile(blob, contents.entries.length, new Date());
    // A fresh copy of every module, as the chunk script carries: vault-crypto.ts without Argon2id.
    vi.resetModules();
    const { default: chunk } = await import('./import-tasks');
    const parsed = await chunk.tasks.importFile({ data: toBase64(utf8(file)), password: 'a backup passphrase' });
    expect(parsed).toMatchObject({ format: 'Tessera backup', accounts: [{ account: sampleAccount(1) }] });
  });
});
