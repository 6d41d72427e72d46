/**
 * Google Authenticator's Android database (`databases/databases`, table `accounts`): `email`
 * ("Issuer:name" or a bare name), `issuer`, base32 `secret`, `counter`, and `type` 0 = TOTP,
 * 1 = HOTP. It stores no algorithm, digits or period: Google's app uses SHA1, 6 digits, 30 s.
 * @see https://github.com/beemdevelopment/Aegis, app/src/main/java/com/beemdevelopment/aegis/importers/GoogleAuthImporter.java
 */
import { hasColumns, type AppDatabase } from './app-database';
import { collectAccounts, entryAccount, entryName } from './imported';

const FORMAT = 'Google Authenticator';
const TYPES: Record<number, string> = { 0: 'totp', 1: 'hotp' };

interface AccountRow {
  email?: unknown;
  issuer?: unknown;
  secret?: unknown;
  counter?: unknown;
  type?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export const googleAuthenticatorDb: AppDatabase = {
  format: FORMAT,
  matches: (tables) => hasColumns(tables, 'accounts', ['email', 'secret', 'counter', 'type']),
  read: async (rows) =>
    collectAccounts(
      FORMAT,
      rows('accounts') as AccountRow[],
      (row) => {
        const email = text(row.email);
        const colon = email.indexOf(':');
        const prefix = colon === -1 ? '' : email.slice(0, colon).trim();
        return {
          account: entryAccount({
            type: TYPES[Number(row.type ?? 0)] ?? `Type ${String(row.type)}`,
            issuer: text(row.issuer) || prefix,
            label: colon === -1 ? email : email.slice(colon + 1),
            secret: row.secret,
            counter: row.counter,
          }),
          tags: [],
        };
      },
      (row) => entryName(row.issuer, row.email),
    ),
};
