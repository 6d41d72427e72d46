/**
 * What an import gives: accounts with the tags (groups, folders) they had in the other app, and
 * the entries that cannot be used, with why. Every format's parser builds its accounts here, so
 * one set of rules (the otpauth:// parser's, through validateAccount) decides what is valid.
 */
import type { Account, HashAlgorithm, OtpType } from '../otp/account';
import { DEFAULT_DIGITS, DEFAULT_PERIOD, STEAM_DIGITS } from '../otp/account';
import { ImportError } from './import-error';
import { OtpFieldError, type OtpField } from '../otp/otp-field-error';
import { validateAccount } from '../otp/validate-account';

export interface ImportedAccount {
  account: Account;
  /** Groups, folders or tags the entry had in the app it came from. */
  tags: string[];
  /** Tessera's own backups: where it fills, and whether it is pinned. */
  sites?: string[];
  pinned?: boolean;
}

export interface ImportSkipped {
  /** How the user knows the entry ("Issuer: label"). */
  name: string;
  reason: string;
}

export interface ParsedImport {
  /** The app the file came from, for the preview ("Aegis"). */
  format: string;
  accounts: ImportedAccount[];
  skipped: ImportSkipped[];
}

/** An entry's fields as an export stores them; missing ones take the Key URI defaults. */
export interface EntryFields {
  type?: string;
  issuer?: unknown;
  label?: unknown;
  secret: unknown;
  algorithm?: unknown;
  digits?: unknown;
  period?: unknown;
  counter?: unknown;
}

const TYPES: Record<string, OtpType> = { totp: 'totp', hotp: 'hotp', steam: 'steam' };

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
const number = (value: unknown, fallback: number): number =>
  value === undefined || value === null || value === '' ? fallback : typeof value === 'number' ? value : Number(value);

/**
 * One entry as an account. Steam is always SHA1, 5 characters, 30 s; a label that repeats the
 * issuer ("GitHub:alice" with issuer GitHub) loses the repetition.
 * @throws {OtpFieldError} naming the field that cannot be used.
 */
export function entryAccount(fields: EntryFields): Account {
  const name = typeof fields.type === 'string' ? fields.type.toLowerCase() : fields.type === undefined ? 'totp' : '';
  const type = Object.hasOwn(TYPES, name) ? TYPES[name] : undefined;
  if (!type)
    throw new OtpFieldError('type', `${String(fields.type)} codes are not supported (only TOTP, HOTP and Steam)`);
  const issuer = text(fields.issuer);
  let label = text(fields.label);
  if (issuer && label.toLowerCase().startsWith(`${issuer.toLowerCase()}:`))
    label = label.slice(issuer.length + 1).trim();
  const secret = text(fields.secret);
  const algorithm = (text(fields.algorithm) || 'SHA1').toUpperCase().replace('-', '') as HashAlgorithm;
  if (type === 'steam')
    return validateAccount({
      type,
      issuer,
      label,
      secret,
      algorithm: 'SHA1',
      digits: STEAM_DIGITS,
      period: DEFAULT_PERIOD,
    });
  const digits = number(fields.digits, DEFAULT_DIGITS);
  if (type === 'hotp')
    return validateAccount({ type, issuer, label, secret, algorithm, digits, counter: number(fields.counter, 0) });
  return validateAccount({
    type,
    issuer,
    label,
    secret,
    algorithm,
    digits,
    period: number(fields.period, DEFAULT_PERIOD),
  });
}

/** "Issuer: label" for messages about an entry. */
export function entryName(issuer: unknown, label: unknown): string {
  return [text(issuer), text(label)].filter(Boolean).join(': ') || 'An unnamed entry';
}

function texts(values: unknown): string[] {
  return Array.isArray(values)
    ? [
        ...new Set(
          values
            .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
            .map((value) => value.trim()),
        ),
      ]
    : [];
}

/** The entry's name, or "An unnamed entry" when the entry is too damaged to have one. */
function nameOrUnnamed<T>(nameOf: (entry: T) => string, entry: T): string {
  try {
    return nameOf(entry);
  } catch {
    return 'An unnamed entry';
  }
}

/** Fields whose refusal means "Tessera cannot represent this", not "this entry is damaged". */
const UNSUPPORTED_FIELDS = new Set<OtpField>(['type', 'algorithm', 'digits']);

/**
 * Converts every entry. One bad entry does not cost the others: an entry Tessera cannot
 * represent (an mOTP or Yandex code, MD5) or a damaged one (no secret, a secret that is not
 * base32, a period of 0) is listed with its place in the file and why, and the rest are offered.
 * Only a file with no usable entry at all is an error: `malformed` when an entry was damaged,
 * else `empty`. (A file that is not what it claims, such as broken JSON or a wrong password,
 * never reaches here: its parser throws first.)
 * `numbered`: name refused entries "Entry N: ..." (off when `nameOf` already says where).
 */
export function collectAccounts<T>(
  format: string,
  entries: readonly T[],
  convert: (entry: T) => ImportedAccount,
  nameOf: (entry: T) => string,
  { numbered = true }: { numbered?: boolean } = {},
): ParsedImport {
  const accounts: ImportedAccount[] = [];
  const skipped: ImportSkipped[] = [];
  let damaged = false;
  for (const [i, entry] of entries.entries()) {
    try {
      const { account, tags, sites, pinned } = convert(entry);
      // Tags and sites come straight from the file: keep only text.
      accounts.push({
        account,
        tags: texts(tags),
        ...(sites ? { sites: texts(sites) } : {}),
        ...(pinned ? { pinned: true } : {}),
      });
    } catch (error) {
      // Anything an entry throws is that entry's: a field of the wrong kind (null where an object
      // should be, a number for text) is one damaged entry, not a damaged file.
      if (!(error instanceof Error)) throw error;
      if (!(error instanceof OtpFieldError && UNSUPPORTED_FIELDS.has(error.field))) damaged = true;
      const known = error instanceof OtpFieldError || error instanceof ImportError;
      const name = nameOrUnnamed(nameOf, entry);
      skipped.push({
        name: numbered ? `Entry ${i + 1}: ${name}` : name,
        reason: known ? error.message : `the entry is damaged (${error.message})`,
      });
    }
  }
  if (accounts.length === 0) {
    const why = skipped.length ? `: ${skipped.map((item) => `${item.name} (${item.reason})`).join('; ')}` : '';
    throw damaged
      ? new ImportError('malformed', `This ${format} export is damaged${why}. Nothing was imported.`)
      : new ImportError('empty', `This ${format} export holds no account Tessera can use${why}.`);
  }
  return { format, accounts, skipped };
}

/** The value at `key` of a JSON object, or a `malformed` error naming the format. */
export function field<T>(
  object: unknown,
  key: string,
  kind: 'array' | 'object' | 'string' | 'number',
  format: string,
): T {
  const value = typeof object === 'object' && object !== null ? (object as Record<string, unknown>)[key] : undefined;
  const ok =
    kind === 'array'
      ? Array.isArray(value)
      : kind === 'object'
        ? typeof value === 'object' && value !== null && !Array.isArray(value)
        : typeof value === kind;
  if (!ok)
    throw new ImportError(
      'malformed',
      `This ${format} export is damaged: "${key}" is missing or not ${kind === 'array' ? 'a list' : `a ${kind}`}.`,
    );
  return value as T;
}
