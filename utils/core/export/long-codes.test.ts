/**
 * 9 and 10 digit codes (allowed since RFC 4226's truncation gives up to 10 digits; see
 * otp.test.ts): they leave through every export that can hold them and come back the same, and
 * Google Authenticator's transfer codes, which cannot, say why.
 */
import { describe, expect, it } from 'vitest';
import type { Account } from '../otp/account';
import { utf8 } from '../internal/bytes';
import { generateCode } from '../otp/otp';
import { importFile } from '../import/import-file';
import { exportAegisEncrypted } from './aegis-export';
import { exportMigrationUris } from './google-migration-export';
import { exportOtpauthList } from './otpauth-list';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const ACCOUNTS: Account[] = [
  { type: 'totp', issuer: 'Nine', label: 'a', secret: SECRET, algorithm: 'SHA1', digits: 9, period: 30 },
  { type: 'hotp', issuer: 'Ten', label: 'b', secret: SECRET, algorithm: 'SHA256', digits: 10, counter: 4 },
];

describe('9 and 10 digit accounts', () => {
  it('come back the same from the otpauth:// list and the Aegis export', async () => {
    const list = await importFile(utf8(exportOtpauthList(ACCOUNTS)));
    const aegis = await importFile(
      utf8(
        await exportAegisEncrypted(
          ACCOUNTS.map((account) => ({ account })),
          'pw',
        ),
      ),
      'pw',
    );
    for (const parsed of [list, aegis]) {
      expect(parsed.accounts.map(({ account }) => account)).toEqual(ACCOUNTS);
      const codes = parsed.accounts.map(({ account }) => generateCode(account, 59_000));
      expect(codes).toEqual(ACCOUNTS.map((account) => generateCode(account, 59_000)));
      expect(codes.map((code) => code.length)).toEqual([9, 10]);
    }
  });

  it('are left out of Google Authenticator transfer codes, with why', () => {
    const { uris, notMovable } = exportMigrationUris(ACCOUNTS, 1);
    expect(uris).toEqual([]);
    expect(notMovable.map(({ reason }) => reason)).toEqual([
      'Google Authenticator shows only 6 or 8 digits, not 9',
      'Google Authenticator shows only 6 or 8 digits, not 10',
    ]);
  });
});
