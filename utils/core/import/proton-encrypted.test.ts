/**
 * Proton Authenticator's password-protected export, built with Proton's own parameters
 * (tests/import-fixtures.ts: libsodium's Argon2id, Node's AES-256-GCM with Proton's AAD) around
 * the real plain export in ../shared/fixtures.
 */
import { describe, expect, it } from 'vitest';
import { expectReferenceEntries, protonEncryptedExport } from '../../../tests/import-fixtures';
import type { ImportErrorCode } from './import-error';
import { importFile } from './import-file';

const PASSWORD = 'DummyPassword';
const file = protonEncryptedExport(PASSWORD);

function edit(bytes: Uint8Array, change: (backup: Record<string, unknown>) => void): Uint8Array {
  const backup = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  change(backup);
  return new TextEncoder().encode(JSON.stringify(backup));
}

type Change = (backup: Record<string, unknown>) => void;

describe('Proton Authenticator, password protected', () => {
  it('gives the entries of the plain export inside', async () => {
    const parsed = await importFile(await file, PASSWORD);
    expect(parsed.format).toBe('Proton Authenticator');
    expectReferenceEntries(parsed, [1, 2, 3]);
  });

  it('asks for the password, and refuses a wrong one', async () => {
    await expect(importFile(await file)).rejects.toMatchObject({ code: 'password-required' });
    await expect(importFile(await file, 'dummypassword')).rejects.toMatchObject({ code: 'wrong-password' });
  });

  it.each<[string, Change, ImportErrorCode]>([
    [
      'a changed byte of the content',
      (b: Record<string, unknown>) => {
        const bytes = Buffer.from(b.content as string, 'base64');
        bytes[20]! ^= 1;
        b.content = bytes.toString('base64');
      },
      'wrong-password',
    ],
    [
      'content cut short',
      (b: Record<string, unknown>) => void (b.content = (b.content as string).slice(0, 24)),
      'malformed',
    ],
    [
      'content cut by a block',
      (b: Record<string, unknown>) => {
        b.content = Buffer.from(b.content as string, 'base64')
          .subarray(0, -16)
          .toString('base64');
      },
      'wrong-password',
    ],
    ['a salt that is not base64', (b: Record<string, unknown>) => void (b.salt = '%%%'), 'malformed'],
    ['a salt of the wrong length', (b: Record<string, unknown>) => void (b.salt = 'AAAA'), 'malformed'],
    ['a later version', (b: Record<string, unknown>) => void (b.version = 2), 'not-recognised'],
  ])('%s gives %s', async (_, change, code) => {
    await expect(importFile(edit(await file, change), PASSWORD)).rejects.toMatchObject({ name: 'ImportError', code });
  });

  it('says when the decrypted content is not an export', async () => {
    const other = await protonEncryptedExport(PASSWORD, { plain: new TextEncoder().encode('{"version":1}') });
    await expect(importFile(other, PASSWORD)).rejects.toMatchObject({ code: 'malformed' });
  });

  it('a truncated file is not taken for anything', async () => {
    const bytes = await file;
    await expect(importFile(bytes.subarray(0, bytes.length / 2), PASSWORD)).rejects.toMatchObject({
      name: 'ImportError',
    });
  });
});
