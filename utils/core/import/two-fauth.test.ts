/**
 * 2FAuth's JSON export, in the shape its export resource writes (tests/import-fixtures.ts),
 * holding all 8 reference entries: TOTP, HOTP and Steam.
 */
import { describe, expect, it } from 'vitest';
import { expectReferenceEntries, twoFAuthExport } from '../../../tests/import-fixtures';
import type { ImportErrorCode } from './import-error';
import { importFile } from './import-file';

type Entry = Record<string, unknown>;
const edit = (bytes: Uint8Array, change: (file: { schema: unknown; data: Entry[] }) => void) => {
  const file = JSON.parse(new TextDecoder().decode(bytes)) as { schema: unknown; data: Entry[] };
  change(file);
  return new TextEncoder().encode(JSON.stringify(file));
};

type Change = (file: { schema: unknown; data: Entry[] }) => void;

describe('2FAuth', () => {
  it('gives its TOTP, HOTP and Steam entries', async () => {
    const parsed = await importFile(twoFAuthExport());
    expect(parsed.format).toBe('2FAuth');
    expectReferenceEntries(parsed, [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('reads the "otpauth" variant of the export (a list of URIs)', async () => {
    const file = edit(twoFAuthExport([1]), (f) => {
      f.data = [{ uri: 'otpauth://totp/Deno:Mason?issuer=Deno&secret=4SJHB4GSD43FZBAI7C2HLRJGPQ' }];
    });
    expectReferenceEntries(await importFile(file), [1]);
  });

  it('takes a TOTP entry of the service Steam as Steam Guard', async () => {
    const file = edit(twoFAuthExport([7]), (f) =>
      Object.assign(f.data[0]!, { otp_type: 'totp', service: 'Steam', digits: 5 }),
    );
    expect((await importFile(file)).accounts[0]!.account).toMatchObject({ type: 'steam', issuer: 'Steam' });
  });

  it('skips md5 and unknown types by name, and imports the rest', async () => {
    const file = edit(twoFAuthExport([1, 2, 3]), (f) => {
      f.data[0]!.algorithm = 'md5';
      f.data[1]!.otp_type = 'motp';
    });
    const parsed = await importFile(file);
    expect(parsed.accounts).toHaveLength(1);
    expect(parsed.skipped).toEqual([
      { name: 'Entry 1: Deno: Mason', reason: expect.stringContaining('algorithm') },
      { name: 'Entry 2: SPDX: James', reason: expect.stringContaining('motp') },
    ]);
  });

  it.each<[string, Change, ImportErrorCode]>([
    ['a later schema', (f) => void (f.schema = 2), 'not-recognised'],
    ['data that is not a list', (f) => void (f.data = {} as Entry[]), 'malformed'],
    ['no entries', (f) => void (f.data = []), 'empty'],
    ['every secret not base32', (f) => f.data.forEach((entry) => void (entry.secret = '0189')), 'malformed'],
  ])('%s gives %s', async (_, change, code) => {
    await expect(importFile(edit(twoFAuthExport([1, 2]), change))).rejects.toMatchObject({
      name: 'ImportError',
      code,
    });
  });
});
