/**
 * The app database readers on rows the shared fixtures do not hold: Microsoft's personal-account
 * entries (base64 secrets, 8 digits) and work accounts (no code), and Google's unknown types.
 */
import { describe, expect, it } from 'vitest';
import type { Row } from './app-database';
import { googleAuthenticatorDb } from './google-authenticator-db';
import { microsoftAuthenticatorDb } from './microsoft-authenticator-db';

const table = (rows: Row[]) => (name: string) => {
  if (name !== 'accounts') throw new Error(`no table ${name}`);
  return rows;
};

describe('Microsoft Authenticator rows', () => {
  it('reads a personal Microsoft account (type 1) as 8-digit TOTP from its base64 secret, and skips work accounts', async () => {
    const parsed = await microsoftAuthenticatorDb.read(
      table([
        {
          name: 'Microsoft',
          username: 'alice@outlook.com',
          oath_secret_key: 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=',
          account_type: 1,
        },
        { name: 'Contoso', username: 'bob@contoso.com', oath_secret_key: '', account_type: 2 },
      ]),
    );
    // base64 of "12345678901234567890" is the RFC 4226 key, base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ.
    expect(parsed.accounts.map(({ account }) => account)).toEqual([
      {
        type: 'totp',
        issuer: 'Microsoft',
        label: 'alice@outlook.com',
        secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        algorithm: 'SHA1',
        digits: 8,
        period: 30,
      },
    ]);
    expect(parsed.skipped).toEqual([
      { name: 'Entry 2: Contoso: bob@contoso.com', reason: expect.stringContaining('notification') },
    ]);
  });

  it('refuses a personal account whose secret is not base64 as damaged', async () => {
    await expect(
      microsoftAuthenticatorDb.read(
        table([{ name: 'Microsoft', username: 'a', oath_secret_key: '%%%', account_type: 1 }]),
      ),
    ).rejects.toMatchObject({ name: 'ImportError', code: 'malformed' });
  });
});

describe('Google Authenticator rows', () => {
  it('takes the issuer from the name when the issuer column is empty, and skips unknown types', async () => {
    const parsed = await googleAuthenticatorDb.read(
      table([
        { email: 'GitHub:octocat', issuer: null, secret: 'gezd gnbv gy3t qojq', counter: 0, type: 0 },
        { email: 'odd', issuer: '', secret: 'GEZDGNBVGY3TQOJQ', counter: 0, type: 7 },
      ]),
    );
    expect(parsed.accounts[0]!.account).toMatchObject({
      issuer: 'GitHub',
      label: 'octocat',
      secret: 'GEZDGNBVGY3TQOJQ',
    });
    expect(parsed.skipped).toEqual([{ name: 'Entry 2: odd', reason: expect.stringContaining('Type 7') }]);
  });
});

describe('a hostile database', () => {
  it('never evaluates a generated column the file defines', async () => {
    const { readFileSync } = await import('node:fs');
    const { default: initSqlJs } = await import('sql.js');
    const { fixturePath } = await import('../../../tests/shared-fixtures');
    const { importFile } = await import('./import-file');
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(fixturePath('aegis-importers/google_authenticator.sqlite')));
    // Reading it runs the file's expression, which here fails (an integer overflow): a file could
    // as well ask for a blob of hundreds of megabytes per row.
    db.run('ALTER TABLE accounts ADD COLUMN bomb INTEGER AS (abs(-9223372036854775807 - 1)) VIRTUAL');
    const hostile = db.export();
    db.close();
    const parsed = await importFile(hostile);
    expect(parsed.format).toBe('Google Authenticator');
    expect(parsed.accounts).toHaveLength(6);
  });
});
