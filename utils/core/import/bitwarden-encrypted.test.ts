/**
 * Bitwarden's encrypted JSON exports, built as Bitwarden builds them (tests/import-fixtures.ts:
 * PBKDF2 or Argon2id, HKDF-Expand, AES-256-CBC and HMAC-SHA256 EncStrings) around the real
 * plain export in ../shared/fixtures, and Bitwarden's older plain JSON.
 */
import { describe, expect, it } from 'vitest';
import {
  bitwardenAccountRestrictedExport,
  bitwardenEncryptedExport,
  bitwardenOldJsonExport,
  expectReferenceEntries,
} from '../../../tests/import-fixtures';
import { hkdfExpand32 } from './bitwarden-enc-string';
import { ACCOUNT_RESTRICTED } from './bitwarden-encrypted';
import type { ImportErrorCode } from './import-error';
import { importFile } from './import-file';
import { toHex } from './import-crypto';

const PASSWORD = 'file-password';
/** Bitwarden's defaults: PBKDF2 600,000 (a tenth here, for speed); Argon2id 3 passes, 64 MiB, 4 lanes. */
const PBKDF2 = { kdfType: 0, kdfIterations: 60_000 } as const;
const ARGON2 = { kdfType: 1, kdfIterations: 3, kdfMemory: 64, kdfParallelism: 4 } as const;
const files = {
  pbkdf2: bitwardenEncryptedExport(PASSWORD, PBKDF2),
  argon2: bitwardenEncryptedExport(PASSWORD, ARGON2),
};

function edit(bytes: Uint8Array, change: (file: Record<string, unknown>) => void): Uint8Array {
  const file = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  change(file);
  return new TextEncoder().encode(JSON.stringify(file));
}

/** The EncString with one byte of one part (0 iv, 1 data, 2 mac) changed. */
function flip(value: unknown, part: number): string {
  const parts = (value as string).slice(2).split('|');
  const bytes = Buffer.from(parts[part]!, 'base64');
  bytes[0]! ^= 1;
  parts[part] = bytes.toString('base64');
  return `2.${parts.join('|')}`;
}

type Change = (file: Record<string, unknown>) => void;

describe('HKDF-Expand (RFC 5869 Appendix A.1: its expand step, the first 32 bytes)', () => {
  it('matches the RFC', async () => {
    const prk = Buffer.from('077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5', 'hex');
    const info = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex');
    expect(toHex(await hkdfExpand32(prk, info))).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf',
    );
  });
});

describe('Bitwarden, password protected', () => {
  it.each(Object.keys(files) as (keyof typeof files)[])(
    '%s: gives the entries of the plain export inside',
    async (kdf) => {
      const parsed = await importFile(await files[kdf], PASSWORD);
      expect(parsed.format).toBe('Bitwarden');
      expectReferenceEntries(parsed, [1, 2, 3, 7], { unnamedSteam: true });
    },
  );

  it.each(Object.keys(files) as (keyof typeof files)[])(
    '%s: asks for the password, refuses a wrong one',
    async (kdf) => {
      await expect(importFile(await files[kdf])).rejects.toMatchObject({ code: 'password-required' });
      await expect(importFile(await files[kdf], 'File-password')).rejects.toMatchObject({ code: 'wrong-password' });
    },
  );

  it.each<[string, Change, ImportErrorCode]>([
    ['a changed byte of the data', (f: Record<string, unknown>) => void (f.data = flip(f.data, 1)), 'malformed'],
    ['a changed MAC of the data', (f: Record<string, unknown>) => void (f.data = flip(f.data, 2)), 'malformed'],
    [
      'a changed validation value',
      (f: Record<string, unknown>) => void (f.encKeyValidation_DO_NOT_EDIT = flip(f.encKeyValidation_DO_NOT_EDIT, 0)),
      'wrong-password',
    ],
    ['a changed salt', (f: Record<string, unknown>) => void (f.salt = `${f.salt as string}x`), 'wrong-password'],
    ['data cut short', (f: Record<string, unknown>) => void (f.data = (f.data as string).slice(0, 40)), 'malformed'],
    [
      'data of another EncString type',
      (f: Record<string, unknown>) => void (f.data = `0.${(f.data as string).slice(2)}`),
      'malformed',
    ],
    ['no salt', (f: Record<string, unknown>) => void delete f.salt, 'malformed'],
    ['PBKDF2 iterations as text', (f: Record<string, unknown>) => void (f.kdfIterations = '600000'), 'malformed'],
    [
      "PBKDF2 iterations over Bitwarden's limit",
      (f: Record<string, unknown>) => void (f.kdfIterations = 1e9),
      'malformed',
    ],
    ['an unknown key derivation', (f: Record<string, unknown>) => void (f.kdfType = 7), 'not-recognised'],
  ])('%s gives %s', async (_, change, code) => {
    await expect(importFile(edit(await files.pbkdf2, change), PASSWORD)).rejects.toMatchObject({
      name: 'ImportError',
      code,
    });
  });

  it.each<[string, Change]>([
    ['Argon2id memory over 1 GiB', (f: Record<string, unknown>) => void (f.kdfMemory = 4096)],
    ['Argon2id without its memory', (f: Record<string, unknown>) => void (f.kdfMemory = null)],
    ['Argon2id with 0 lanes', (f: Record<string, unknown>) => void (f.kdfParallelism = 0)],
  ])('%s is damaged', async (_, change) => {
    await expect(importFile(edit(await files.argon2, change), PASSWORD)).rejects.toMatchObject({ code: 'malformed' });
  });

  it('reads a password-protected CSV inside, and says when the inside is neither', async () => {
    const csv = new TextEncoder().encode(
      'folder,name,login_username,login_totp\n,Deno,Mason,otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ\n',
    );
    const parsed = await importFile(await bitwardenEncryptedExport(PASSWORD, PBKDF2, { plain: csv }), PASSWORD);
    expectReferenceEntries(parsed, [1]);
    const other = await bitwardenEncryptedExport(PASSWORD, PBKDF2, { plain: new TextEncoder().encode('{"x":1}') });
    await expect(importFile(other, PASSWORD)).rejects.toMatchObject({ code: 'malformed' });
  });
});

describe('Bitwarden, account restricted', () => {
  it('is refused with what to do instead, without asking for a password', async () => {
    const error = importFile(bitwardenAccountRestrictedExport(), 'anything');
    await expect(error).rejects.toMatchObject({ code: 'not-recognised', message: ACCOUNT_RESTRICTED });
    await expect(importFile(bitwardenAccountRestrictedExport())).rejects.toThrow(/Password protected/);
  });
});

describe('Bitwarden, older JSON without the "encrypted" key', () => {
  it('gives its entries', async () => {
    const parsed = await importFile(bitwardenOldJsonExport());
    expect(parsed.format).toBe('Bitwarden');
    expectReferenceEntries(parsed, [1, 2, 3, 7], { unnamedSteam: true });
  });

  it("gives an organisation's entries (collections instead of folders)", async () => {
    const { folders: _, ...vault } = JSON.parse(new TextDecoder().decode(bitwardenOldJsonExport())) as Record<
      string,
      unknown
    >;
    const file = new TextEncoder().encode(JSON.stringify({ ...vault, collections: [] }));
    expectReferenceEntries(await importFile(file), [1, 2, 3, 7], { unnamedSteam: true });
  });

  it('is not taken for something it is not: items alone are not enough', async () => {
    const { folders: _, ...vault } = JSON.parse(new TextDecoder().decode(bitwardenOldJsonExport())) as Record<
      string,
      unknown
    >;
    await expect(importFile(new TextEncoder().encode(JSON.stringify(vault)))).rejects.toMatchObject({
      code: 'not-recognised',
    });
  });
});
