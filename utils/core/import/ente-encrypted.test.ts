/**
 * Ente Auth's encrypted export, built with libsodium as Ente's apps build it (crypto_pwhash
 * Argon2id, one crypto_secretstream message; tests/import-fixtures.ts) around the real plain
 * export in ../shared/fixtures.
 */
import { describe, expect, it } from 'vitest';
import { enteEncryptedExport, expectReferenceEntries } from '../../../tests/import-fixtures';
import type { ImportErrorCode } from './import-error';
import { importFile } from './import-file';

const PASSWORD = 'test';
const file = enteEncryptedExport(PASSWORD);

function edit(bytes: Uint8Array, change: (backup: Record<string, Record<string, unknown>>) => void): Uint8Array {
  const backup = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, Record<string, unknown>>;
  change(backup);
  return new TextEncoder().encode(JSON.stringify(backup));
}

const flip = (text: unknown, at: number) => {
  const bytes = Buffer.from(text as string, 'base64');
  bytes[at]! ^= 1;
  return bytes.toString('base64');
};

type Change = (backup: Record<string, Record<string, unknown>>) => void;

describe('Ente Auth, encrypted', () => {
  it('gives the entries of the plain export inside', async () => {
    const parsed = await importFile(await file, PASSWORD);
    expect(parsed.format).toBe('Ente Auth');
    expectReferenceEntries(parsed, [1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads the cost each file records (here libsodium interactive: 64 MiB, 2 passes)', async () => {
    const parsed = await importFile(
      await enteEncryptedExport(PASSWORD, { memLimit: 64 * 1024 * 1024, opsLimit: 2 }),
      PASSWORD,
    );
    expect(parsed.accounts).toHaveLength(7);
  });

  it('asks for the password, and refuses a wrong one', async () => {
    await expect(importFile(await file)).rejects.toMatchObject({ code: 'password-required' });
    await expect(importFile(await file, 'Test')).rejects.toMatchObject({ code: 'wrong-password' });
  });

  it.each<[string, Change, ImportErrorCode]>([
    [
      'a changed byte of the data',
      (b: Record<string, Record<string, unknown>>) =>
        void ((b as Record<string, unknown>).encryptedData = flip(b.encryptedData, 30)),
      'wrong-password',
    ],
    [
      'a changed nonce',
      (b: Record<string, Record<string, unknown>>) =>
        void ((b as Record<string, unknown>).encryptionNonce = flip(b.encryptionNonce, 3)),
      'wrong-password',
    ],
    [
      'data cut short',
      (b: Record<string, Record<string, unknown>>) => void ((b as Record<string, unknown>).encryptedData = 'AAAA'),
      'malformed',
    ],
    [
      'a nonce that is not base64',
      (b: Record<string, Record<string, unknown>>) => void ((b as Record<string, unknown>).encryptionNonce = '%'),
      'malformed',
    ],
    [
      'a salt of the wrong length',
      (b: Record<string, Record<string, unknown>>) => void (b.kdfParams!.salt = 'AAAA'),
      'malformed',
    ],
    [
      'memLimit over 1 GiB',
      (b: Record<string, Record<string, unknown>>) => void (b.kdfParams!.memLimit = 2 * 1024 ** 3),
      'malformed',
    ],
    [
      "memLimit under libsodium's minimum",
      (b: Record<string, Record<string, unknown>>) => void (b.kdfParams!.memLimit = 1024),
      'malformed',
    ],
    ['opsLimit 0', (b: Record<string, Record<string, unknown>>) => void (b.kdfParams!.opsLimit = 0), 'malformed'],
    [
      'opsLimit as text',
      (b: Record<string, Record<string, unknown>>) => void (b.kdfParams!.opsLimit = '2'),
      'malformed',
    ],
    [
      'a later version',
      (b: Record<string, Record<string, unknown>>) => void ((b as Record<string, unknown>).version = 2),
      'not-recognised',
    ],
  ])('%s gives %s', async (_, change, code) => {
    await expect(importFile(edit(await file, change), PASSWORD)).rejects.toMatchObject({ name: 'ImportError', code });
  });

  it('an export with no codes is empty, and one that is not a list of links is damaged', async () => {
    const none = await enteEncryptedExport(PASSWORD, { plain: new Uint8Array() });
    await expect(importFile(none, PASSWORD)).rejects.toMatchObject({ code: 'empty' });
    const other = await enteEncryptedExport(PASSWORD, { plain: new TextEncoder().encode('hello') });
    await expect(importFile(other, PASSWORD)).rejects.toMatchObject({ code: 'malformed' });
  });
});
