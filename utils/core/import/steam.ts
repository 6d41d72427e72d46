/**
 * Steam Guard's `.maFile` (Steam Desktop Authenticator and the Steam app's own
 * `files/Steamguard-<id>` from a rooted phone): `{shared_secret: base64, account_name, …}`, or
 * newer files holding several as `{accounts: {<id>: {…}}}`. The shared secret is the key of
 * Steam's 5-character codes.
 * @see https://github.com/Jessecar96/SteamDesktopAuthenticator (SteamGuardAccount)
 */
import { fromBase64 } from '../internal/bytes';
import { secretFromBytes } from '../otp/otp';
import { OtpFieldError } from '../otp/otp-field-error';
import { collectAccounts, entryAccount, entryName } from './imported';
import { jsonObject, type Importer, type ImportSource } from './import-source';

const FORMAT = 'Steam';

interface MaFile {
  shared_secret?: unknown;
  account_name?: unknown;
}

const isMaFile = (value: unknown): value is MaFile =>
  typeof value === 'object' && value !== null && 'shared_secret' in value;

function accountsOf(source: ImportSource): MaFile[] | undefined {
  const file = jsonObject(source);
  if (!file) return undefined;
  if ('shared_secret' in file) return [file as MaFile];
  const accounts = file.accounts;
  if (typeof accounts !== 'object' || accounts === null || Array.isArray(accounts)) return undefined;
  const values = Object.values(accounts);
  return values.length > 0 && values.every(isMaFile) ? values : undefined;
}

function secretOf(value: unknown): string {
  if (typeof value !== 'string') throw new OtpFieldError('secret', 'shared_secret is missing');
  return secretFromBytes(fromBase64(value, () => new OtpFieldError('secret', 'shared_secret is not base64')));
}

export const steam: Importer = {
  format: FORMAT,
  matches: (source) => accountsOf(source) !== undefined,
  parse: async (source) =>
    collectAccounts(
      FORMAT,
      accountsOf(source)!,
      (file) => ({
        account: entryAccount({
          type: 'steam',
          issuer: FORMAT,
          label: file.account_name,
          secret: secretOf(file.shared_secret),
        }),
        tags: [],
      }),
      (file) => entryName(FORMAT, file.account_name),
    ),
};
