/**
 * Microsoft Authenticator's Android database (`databases/PhoneFactor`, table `accounts`): `name`
 * (the issuer), `username`, `oath_secret_key` and `account_type`: 0 = an ordinary TOTP account
 * (base32 secret, 6 digits, 30 s), 1 = a personal Microsoft account (base64 secret, 8 digits);
 * other types (work or school accounts) sign in by notification and have no code to import.
 * @see https://github.com/beemdevelopment/Aegis, app/src/main/java/com/beemdevelopment/aegis/importers/MicrosoftAuthImporter.java
 */
import { fromBase64 } from '../internal/bytes';
import { OtpFieldError } from '../otp/otp-field-error';
import { secretFromBytes } from '../otp/otp';
import { hasColumns, type AppDatabase } from './app-database';
import { collectAccounts, entryAccount, entryName } from './imported';

const FORMAT = 'Microsoft Authenticator';

interface AccountRow {
  name?: unknown;
  username?: unknown;
  oath_secret_key?: unknown;
  account_type?: unknown;
}

function secretOf(row: AccountRow): { secret: unknown; digits: number } {
  const type = Number(row.account_type);
  if (type === 0) return { secret: row.oath_secret_key, digits: 6 };
  if (type === 1) {
    const secret = fromBase64(
      String(row.oath_secret_key ?? '').replace(/\s+/g, ''),
      () => new OtpFieldError('secret', 'secret is not base64'),
    );
    return { secret: secretFromBytes(secret), digits: 8 };
  }
  throw new OtpFieldError('type', `account type ${String(row.account_type)} signs in by notification and has no code`);
}

export const microsoftAuthenticatorDb: AppDatabase = {
  format: FORMAT,
  matches: (tables) => hasColumns(tables, 'accounts', ['oath_secret_key', 'account_type', 'name', 'username']),
  read: async (rows) =>
    collectAccounts(
      FORMAT,
      rows('accounts') as AccountRow[],
      (row) => ({
        account: entryAccount({ type: 'totp', issuer: row.name, label: row.username, ...secretOf(row) }),
        tags: [],
      }),
      (row) => entryName(row.name, row.username),
    ),
};
