/**
 * LastPass Authenticator's JSON export, in the shape of a real iOS export
 * (tests/import-fixtures.ts), holding reference entries.
 */
import { describe, expect, it } from 'vitest';
import { expectReferenceEntries, lastPassExport } from '../../../tests/import-fixtures';
import { importFile } from './import-file';

const edit = (
  bytes: Uint8Array,
  change: (file: { accounts: Record<string, unknown>[]; folders: unknown[] }) => void,
) => {
  const file = JSON.parse(new TextDecoder().decode(bytes)) as {
    accounts: Record<string, unknown>[];
    folders: unknown[];
  };
  change(file);
  return new TextEncoder().encode(JSON.stringify(file));
};

describe('LastPass Authenticator', () => {
  it('gives its TOTP entries', async () => {
    const parsed = await importFile(lastPassExport());
    expect(parsed.format).toBe('LastPass Authenticator');
    expectReferenceEntries(parsed, [1, 2, 3, 8]);
  });

  it('prefers the names the user edited, falling back to the scanned ones', async () => {
    const file = lastPassExport([1], () => ({ issuerName: '', userName: 'Renamed' }));
    const { account } = (await importFile(file)).accounts[0]!;
    expect(account).toMatchObject({ issuer: 'Deno', label: 'Renamed' });
  });

  it('makes a user folder a tag, not the built-in ones', async () => {
    const file = edit(lastPassExport([1, 2]), (f) => {
      f.folders.push({ id: 7, name: 'Work', isOpened: true });
      f.accounts[1]!.folderData = { folderId: 7, position: 0 };
    });
    expect((await importFile(file)).accounts.map(({ tags }) => tags)).toEqual([[], ['Work']]);
  });

  it('takes an account issued by Steam as Steam Guard', async () => {
    const file = lastPassExport([7], (entry) => ({
      issuerName: 'Steam',
      digits: 5,
      timeStep: 30,
      algorithm: 'SHA1',
      secret: entry.secret,
    }));
    const parsed = await importFile(file);
    expect(parsed.accounts[0]!.account).toMatchObject({ type: 'steam', issuer: 'Steam', digits: 5 });
  });

  it('lists an entry it cannot represent or a damaged one by place, and offers the rest', async () => {
    const md5 = edit(lastPassExport([1, 2]), (f) => void (f.accounts[0]!.algorithm = 'MD5'));
    const parsed = await importFile(md5);
    expect(parsed.accounts).toHaveLength(1);
    expect(parsed.skipped).toEqual([{ name: 'Entry 1: Deno: Mason', reason: expect.stringContaining('algorithm') }]);
    const bad = edit(lastPassExport([1, 2]), (f) => void (f.accounts[1]!.secret = 'not base32!'));
    expect((await importFile(bad)).skipped).toEqual([{ name: 'Entry 2: SPDX: James', reason: expect.any(String) }]);
    const allBad = edit(lastPassExport([1]), (f) => void (f.accounts[0]!.secret = 'not base32!'));
    await expect(importFile(allBad)).rejects.toMatchObject({ code: 'malformed' });
  });

  it('an export with no accounts is empty; one with accounts that are not a list is damaged', async () => {
    await expect(importFile(edit(lastPassExport([1]), (f) => void (f.accounts = [])))).rejects.toMatchObject({
      code: 'empty',
    });
    const truncated = lastPassExport();
    await expect(importFile(truncated.subarray(0, truncated.length - 30))).rejects.toMatchObject({
      name: 'ImportError',
    });
  });
});
