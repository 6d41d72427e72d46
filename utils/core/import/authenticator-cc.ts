/**
 * Backups of authenticator.cc's "Authenticator" extension (as read in its source): a JSON
 * object keyed by entry id, each `{account, issuer, secret, type, counter?, period?, digits?,
 * algorithm?}`. Types: totp, hotp, steam, battle (Battle.net: TOTP, 8 digits), hex and hhex
 * (TOTP and HOTP with a hex secret); a secret prefixed `stm-` is Steam, `blz-` Battle.net.
 * Omitted fields are the defaults (30 s, 6 digits, SHA1). Its encrypted backups are refused
 * with how to get a plain one (their CryptoJS AES-CBC has no integrity check).
 * @see https://github.com/Authenticator-Extension/Authenticator
 */
import { ImportError } from './import-error';
import { secretFromBytes } from '../otp/otp';
import { collectAccounts, entryAccount, entryName } from './imported';
import { hexBytes } from './import-crypto';
import { jsonObject, type Importer, type ImportSource } from './import-source';

const FORMAT = 'authenticator.cc';

interface Entry {
  account?: string;
  issuer?: string;
  secret?: string;
  type?: string;
  counter?: number;
  period?: number;
  digits?: number;
  algorithm?: string;
  encrypted?: boolean;
  dataType?: string;
}

function entriesOf(source: ImportSource): [string, Entry][] {
  const backup = jsonObject(source);
  if (!backup) return [];
  const values = Object.entries(backup).filter(([, value]) => typeof value === 'object' && value !== null) as [
    string,
    Entry,
  ][];
  return values.length === Object.keys(backup).length ? values : [];
}

const isEntry = (entry: Entry) =>
  entry.dataType === 'OTPStorage' ||
  entry.dataType === 'EncOTPStorage' ||
  (typeof entry.secret === 'string' && typeof entry.type === 'string' && 'account' in entry);

/** An empty or odd hex secret is damaged: the whole file is refused (imported.ts). */
const hexSecret = (hex: string): string => secretFromBytes(hexBytes(hex, FORMAT));

function account(entry: Entry) {
  let type = entry.type ?? 'totp';
  let secret = entry.secret ?? '';
  if (secret.startsWith('stm-')) [type, secret] = ['steam', secret.slice(4)];
  if (secret.startsWith('blz-')) [type, secret] = ['battle', secret.slice(4)];
  const common = {
    issuer: entry.issuer,
    label: entry.account,
    algorithm: entry.algorithm,
    period: entry.period,
    counter: entry.counter,
  };
  switch (type) {
    case 'battle':
      return entryAccount({ ...common, type: 'totp', secret, digits: entry.digits ?? 8 });
    case 'hex':
      return entryAccount({ ...common, type: 'totp', secret: hexSecret(secret), digits: entry.digits });
    case 'hhex':
      return entryAccount({ ...common, type: 'hotp', secret: hexSecret(secret), digits: entry.digits });
    default:
      return entryAccount({ ...common, type, secret, digits: entry.digits });
  }
}

export const authenticatorCc: Importer = {
  format: FORMAT,
  matches: (source) => {
    const entries = entriesOf(source);
    return entries.length > 0 && entries.some(([, entry]) => isEntry(entry));
  },
  async parse(source) {
    const entries = entriesOf(source).filter(([, entry]) => entry.dataType !== 'Key');
    if (entries.some(([, entry]) => entry.dataType === 'EncOTPStorage' || entry.encrypted === true)) {
      throw new ImportError(
        'not-recognised',
        'This authenticator.cc backup is encrypted. In Authenticator, export a plain backup ' +
          '("Download backup file" without a password), import it here, then delete it.',
      );
    }
    return collectAccounts(
      FORMAT,
      entries,
      ([, entry]) => ({ account: account(entry), tags: [] }),
      ([, entry]) => entryName(entry.issuer, entry.account),
    );
  },
};
