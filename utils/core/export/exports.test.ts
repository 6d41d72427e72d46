import { describe, expect, it } from 'vitest';
import { qrPixels } from '../../../tests/qr-pixels';
import { expectedAegisEntries } from '../../../tests/shared-fixtures';
import type { Account } from '../otp/account';
import { utf8 } from '../internal/bytes';
import { importFile } from '../import/import-file';
import { gatherMigrationParts } from '../scan/migration-batches';
import { parseMigrationUri } from '../scan/otpauth-migration';
import { findQrCodes } from '../scan/qr-decode';
import { validateAccount } from '../otp/validate-account';
import { exportAegisEncrypted } from './aegis-export';
import { ACCOUNTS_PER_CODE, exportMigrationUris } from './google-migration-export';
import { exportOtpauthList } from './otpauth-list';

/** The 8 reference accounts (all kinds, hashes, digits, periods, counters, Steam). */
const ACCOUNTS: Account[] = expectedAegisEntries().map((entry) =>
  validateAccount({
    type: entry.type,
    issuer: entry.issuer,
    label: entry.name,
    secret: entry.secret,
    algorithm: entry.algo,
    digits: entry.digits,
    period: entry.period,
    counter: entry.counter,
  }),
);

describe('exports', () => {
  it('an otpauth:// list imports back as the same accounts', async () => {
    const parsed = await importFile(utf8(exportOtpauthList(ACCOUNTS)));
    expect(parsed.accounts.map((item) => item.account)).toEqual(ACCOUNTS);
  });

  it('an encrypted Aegis export opens with its password (Aegis importer) and gives the same accounts and groups', async () => {
    const text = await exportAegisEncrypted(
      ACCOUNTS.map((account, i) => ({ account, tags: i < 2 ? ['Work'] : [] })),
      'moving to aegis',
    );
    expect(text).not.toContain(ACCOUNTS[0]!.secret);
    await expect(importFile(utf8(text), 'wrong')).rejects.toMatchObject({ code: 'wrong-password' });
    const parsed = await importFile(utf8(text), 'moving to aegis');
    expect(parsed.format).toBe('Aegis');
    expect(parsed.accounts.map((item) => item.account)).toEqual(ACCOUNTS);
    expect(parsed.accounts.map((item) => item.tags)).toEqual(ACCOUNTS.map((_, i) => (i < 2 ? ['Work'] : [])));
  }, 20_000);

  it('Google Authenticator codes: 10 accounts per code, one batch, the unmovable ones named', () => {
    const many = Array.from({ length: 23 }, (_, i) => ({ ...ACCOUNTS[0]!, label: `user${i}` }));
    const { uris, notMovable } = exportMigrationUris([...many, ...ACCOUNTS], -123_456);
    // Of the 8: SPDX has 7 digits and 20 s, Airbnb 50 s, Air Canada 7 digits, Boeing is Steam.
    expect(notMovable.map(({ account, reason }) => [account.issuer, reason])).toEqual([
      ['SPDX', expect.stringContaining('7')],
      ['Airbnb', expect.stringContaining('50')],
      ['Air Canada', expect.stringContaining('7')],
      ['Boeing', expect.stringContaining('Steam')],
    ]);
    const movable = 23 + 4;
    expect(uris).toHaveLength(Math.ceil(movable / ACCOUNTS_PER_CODE));
    const parts = uris.map(parseMigrationUri);
    expect(parts.map((part) => part.batch)).toEqual(
      parts.map((_, index) => ({ id: -123_456, index, size: uris.length })),
    );
    const gathered = gatherMigrationParts(parts);
    expect(gathered.batches).toEqual([expect.objectContaining({ complete: true })]);
    const expected = [...many, ...ACCOUNTS.filter((account) => !notMovable.some((item) => item.account === account))];
    expect(gathered.accounts).toEqual(expected);
  });

  it('Google Authenticator codes scan back from their QR pictures', () => {
    const { uris } = exportMigrationUris(
      Array.from({ length: 10 }, (_, i) => ({ ...ACCOUNTS[5]!, label: `Mason ${i}` })),
      7,
    );
    expect(uris).toHaveLength(1);
    expect(findQrCodes(qrPixels({ text: uris[0]!, scale: 3 }))).toEqual(uris);
  });
});
