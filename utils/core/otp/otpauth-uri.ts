/**
 * Parses Key URIs (`otpauth://TYPE/LABEL?PARAMS`) strictly but kindly: every real-world variant
 * listed in INTERNALS.md ("Codes and URIs") is accepted, and every rejection is an
 * {@link OtpFieldError} naming the field at fault.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
import {
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  HASH_ALGORITHMS,
  MAX_DIGITS,
  MIN_DIGITS,
  STEAM_DIGITS,
  type Account,
  type HashAlgorithm,
} from './account';
import { normaliseSecret, secretByteLength } from './otp';
import { OtpFieldError, type OtpField } from './otp-field-error';
import { percentDecode } from './percent-decode';

/** Longer input is not a Key URI; refusing it bounds the work done on hostile text. */
export const MAX_URI_LENGTH = 4096;

/** Keys shorter than this (80 bits) are accepted but weak: RFC 4226 §4 asks for 128. */
const WEAK_SECRET_BYTES = 10;

export interface InspectedOtpauthUri {
  account: Account;
  /** Things that were accepted but deserve a word to the user, e.g. a conflicting issuer. */
  warnings: string[];
}

/**
 * Parses an `otpauth://` or Bitwarden-style `steam://SECRET` URI into an {@link Account}.
 * @throws {OtpFieldError} naming the field that is wrong.
 */
export function parseOtpauthUri(text: string): Account {
  return inspectOtpauthUri(text).account;
}

/** Like {@link parseOtpauthUri}, and also reports what was accepted with a warning. */
export function inspectOtpauthUri(text: string): InspectedOtpauthUri {
  const uri = text.trim();
  if (uri.length > MAX_URI_LENGTH) throw new OtpFieldError('uri', `uri is longer than ${MAX_URI_LENGTH} characters`);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(uri)?.[1]?.toLowerCase();
  if (scheme === 'steam') return parseSteamUri(uri.slice('steam://'.length));
  if (scheme === 'otpauth-migration') {
    throw new OtpFieldError(
      'scheme',
      'this is a Google Authenticator export (otpauth-migration://), not a single account',
    );
  }
  if (scheme !== 'otpauth') throw new OtpFieldError('scheme', 'uri must start with otpauth://');

  // RFC 3986: the fragment is not part of the resource; the query starts at the first "?".
  const rest = uri.slice('otpauth://'.length).split('#', 1)[0]!;
  const queryStart = rest.indexOf('?');
  const path = queryStart === -1 ? rest : rest.slice(0, queryStart);
  const params = parseQuery(queryStart === -1 ? '' : rest.slice(queryStart + 1));
  const slash = path.indexOf('/');
  const typeName = (slash === -1 ? path : path.slice(0, slash)).toLowerCase();
  const rawLabel = slash === -1 ? '' : path.slice(slash + 1);

  const warnings: string[] = [];
  const { issuer, label } = splitLabel(percentDecode(rawLabel, 'label'), params.get('issuer'), warnings);
  const secret = normaliseSecret(required(params, 'secret'));
  if (secretByteLength(secret) < WEAK_SECRET_BYTES) warnings.push('secret is shorter than 80 bits');
  const steam = typeName === 'steam' || params.get('encoder')?.toLowerCase() === 'steam' || isSteamIssuer(issuer);

  if (steam && (typeName === 'totp' || typeName === 'steam')) {
    return {
      account: {
        type: 'steam',
        issuer,
        label,
        secret,
        algorithm: 'SHA1',
        digits: STEAM_DIGITS,
        period: DEFAULT_PERIOD,
      },
      warnings,
    };
  }
  const algorithm = parseAlgorithm(params.get('algorithm'));
  const digits = parseDigits(params.get('digits'));
  if (typeName === 'totp') {
    const period = parseWholeNumber(params.get('period'), 'period', 1, 2 ** 31 - 1) ?? DEFAULT_PERIOD;
    return { account: { type: 'totp', issuer, label, secret, algorithm, digits, period }, warnings };
  }
  if (typeName === 'hotp') {
    const counter = parseWholeNumber(params.get('counter'), 'counter', 0, Number.MAX_SAFE_INTEGER);
    if (counter === undefined) warnings.push('counter is missing; starting at 0');
    return { account: { type: 'hotp', issuer, label, secret, algorithm, digits, counter: counter ?? 0 }, warnings };
  }
  if (typeName === '') throw new OtpFieldError('type', 'type is missing (expected totp, hotp or steam)');
  throw new OtpFieldError('type', `type must be totp, hotp or steam (got "${shorten(typeName)}")`);
}

/** Bitwarden stores Steam accounts as `steam://SECRET`, with no name of their own. */
function parseSteamUri(secret: string): InspectedOtpauthUri {
  const account: Account = {
    type: 'steam',
    issuer: 'Steam',
    label: '',
    secret: normaliseSecret(percentDecode(secret, 'secret')),
    algorithm: 'SHA1',
    digits: STEAM_DIGITS,
    period: DEFAULT_PERIOD,
  };
  return { account, warnings: [] };
}

/** Query parameters with lower-cased keys; for a repeated key the first wins, as in Google Authenticator and Aegis. */
function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = (eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
    // Unknown parameters (FreeOTP's image=, Ente's codeDisplay=, ...) are ignored, broken or not.
    if (!KNOWN_PARAMS.has(key)) continue;
    const field: OtpField = key === 'encoder' ? 'type' : (key as OtpField);
    const value = percentDecode(eq === -1 ? '' : pair.slice(eq + 1), field, true).trim();
    // An empty value is treated as absent: `issuer=&digits=` means "use the default".
    if (value !== '' && !params.has(key)) params.set(key, value);
  }
  return params;
}

const KNOWN_PARAMS = new Set(['issuer', 'secret', 'algorithm', 'digits', 'period', 'counter', 'encoder']);

/**
 * Splits "Issuer:account" labels. The `issuer` parameter wins over the prefix (INTERNALS.md,
 * "Codes and URIs"; the Key URI format only says the two should be equal); an issuer that itself
 * holds a colon is recognised as the whole prefix.
 */
function splitLabel(decoded: string, issuerParam: string | undefined, warnings: string[]) {
  const full = decoded.trim();
  if (issuerParam !== undefined && full.toLowerCase().startsWith(`${issuerParam.toLowerCase()}:`)) {
    return { issuer: issuerParam, label: full.slice(issuerParam.length + 1).trim() };
  }
  const colon = full.indexOf(':');
  const prefix = colon === -1 ? undefined : full.slice(0, colon).trim();
  const label = colon === -1 ? full : full.slice(colon + 1).trim();
  if (issuerParam !== undefined && prefix) {
    warnings.push(`issuer "${issuerParam}" differs from the label prefix "${prefix}"; using "${issuerParam}"`);
  }
  return { issuer: issuerParam ?? prefix ?? '', label };
}

function required(params: Map<string, string>, field: OtpField & string): string {
  const value = params.get(field);
  if (value === undefined) throw new OtpFieldError(field, `${field} is missing`);
  return value;
}

function parseAlgorithm(value: string | undefined): HashAlgorithm {
  if (value === undefined) return 'SHA1';
  const name = value.toUpperCase().replace('-', '');
  const algorithm = HASH_ALGORITHMS.find((known) => known === name);
  if (!algorithm)
    throw new OtpFieldError('algorithm', `algorithm must be SHA1, SHA256 or SHA512 (got "${shorten(value)}")`);
  return algorithm;
}

/**
 * A TOTP account issued by Steam is Steam Guard: Steam has no other kind of code, and apps that
 * cannot say "steam" write it as `otpauth://totp/Steam:name?digits=5` or with `issuer=Steam`
 * (Aegis reads such URIs the same way). Every importer reaches this rule, through this parser or
 * through `entryAccount` (which validates through it).
 */
export function isSteamIssuer(issuer: string): boolean {
  return issuer.trim().toLowerCase() === 'steam';
}

/**
 * 6 to 10 digits: RFC 4226 §5.3's truncation gives a 31-bit value, so 10 digits is the most any
 * code can have (`value mod 10^digits`); otp.test.ts checks the otpauth library at 9 and 10.
 */
function parseDigits(value: string | undefined): number {
  const message = `digits must be ${MIN_DIGITS}-${MAX_DIGITS}`;
  return parseWholeNumber(value, 'digits', MIN_DIGITS, MAX_DIGITS, message) ?? DEFAULT_DIGITS;
}

function parseWholeNumber(value: string | undefined, field: OtpField, min: number, max: number, message?: string) {
  if (value === undefined) return undefined;
  const number = /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!(number >= min && number <= max)) {
    throw new OtpFieldError(
      field,
      `${message ?? `${field} must be a whole number from ${min} to ${max}`} (got "${shorten(value)}")`,
    );
  }
  return number;
}

function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 21)}...` : text;
}
