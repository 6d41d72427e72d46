/**
 * Google Authenticator's "Transfer accounts" export: `otpauth-migration://offline?data=` followed
 * by a base64 protobuf `MigrationPayload` (schema from Aegis's google_auth.proto, which matches
 * dim13/otpauth's migration.proto). A large export is split over several QR codes that share a
 * batch id.
 *
 * Decoded with @bufbuild/protobuf's wire reader, field by field, so that unknown fields are
 * skipped and a damaged payload is reported rather than half-read.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/app/src/main/proto/google_auth.proto
 * @see https://github.com/dim13/otpauth/blob/master/migration/migration.proto
 */
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import type { Account, HashAlgorithm } from '../otp/account';
import { fromBase64 } from '../internal/bytes';
import { ImportError } from '../import/import-error';
import { secretFromBytes } from '../otp/otp';
import { OtpFieldError } from '../otp/otp-field-error';
import { validateAccount } from '../otp/validate-account';

/** One QR code of an export: its accounts, those that cannot be used, and where it sits in its batch. */
export interface MigrationPart {
  accounts: Account[];
  /** Accounts in the export that Tessera cannot compute codes for, with why (e.g. MD5). */
  skipped: { name: string; reason: string }[];
  batch: { id: number; index: number; size: number };
}

/** `OtpParameters` as stored, before any interpretation. */
interface RawOtp {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  counter: bigint;
}

const ALGORITHMS: Record<number, HashAlgorithm | undefined> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512' };
const DIGITS: Record<number, number | undefined> = { 0: 6, 1: 6, 2: 8 };
const TYPES: Record<number, 'totp' | 'hotp' | undefined> = { 0: 'totp', 1: 'hotp', 2: 'totp' };

export function isMigrationUri(text: string): boolean {
  return /^\s*otpauth-migration:/i.test(text);
}

/**
 * Reads one `otpauth-migration://offline?data=…` URI.
 * @throws {ImportError} `not-recognised` for anything else, `malformed` for damaged data,
 *   `empty` when no account in it can be used.
 */
export function parseMigrationUri(text: string): MigrationPart {
  const uri = text.trim();
  const match = /^otpauth-migration:\/\/offline\?(.*)$/is.exec(uri);
  if (!match)
    throw new ImportError(
      'not-recognised',
      'This is not a Google Authenticator export (otpauth-migration://offline?data=…).',
    );
  const data = match[1]!
    .split('&')
    .find((part) => part.startsWith('data='))
    ?.slice('data='.length);
  if (!data) throw new ImportError('malformed', 'The Google Authenticator export has no data in it.');
  const payload = readPayload(decodeData(data));
  const part: MigrationPart = { accounts: [], skipped: [], batch: payload.batch };
  for (const otp of payload.otps) {
    try {
      part.accounts.push(toAccount(otp));
    } catch (error) {
      if (!(error instanceof OtpFieldError)) throw error;
      part.skipped.push({ name: otp.issuer ? `${otp.issuer} (${otp.name})` : otp.name, reason: error.message });
    }
  }
  if (part.accounts.length === 0) {
    const why = part.skipped[0] ? `: ${part.skipped[0].reason}` : '';
    throw new ImportError('empty', `The Google Authenticator export holds no account Tessera can use${why}.`);
  }
  return part;
}

/**
 * Percent-decodes (never form-decodes: a raw `+` is base64, not a space) and base64-decodes the
 * `data` value, accepting the URL-safe alphabet and missing padding.
 */
function decodeData(data: string): Uint8Array {
  const malformed = () => new ImportError('malformed', "The Google Authenticator export's data is not valid base64.");
  let base64: string;
  try {
    base64 = decodeURIComponent(data).replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  } catch {
    throw malformed(); // a stray % that is not an escape
  }
  return fromBase64(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='), malformed);
}

function readPayload(bytes: Uint8Array): { otps: RawOtp[]; batch: MigrationPart['batch'] } {
  const otps: RawOtp[] = [];
  const batch = { id: 0, index: 0, size: 1 };
  try {
    const reader = new BinaryReader(bytes);
    while (reader.pos < reader.len) {
      const [field, wire] = reader.tag();
      if (field === 1 && wire === WireType.LengthDelimited) otps.push(readOtp(reader.bytes()));
      else if (field === 3 && wire === WireType.Varint) batch.size = reader.int32();
      else if (field === 4 && wire === WireType.Varint) batch.index = reader.int32();
      else if (field === 5 && wire === WireType.Varint) batch.id = reader.int32();
      else if (field >= 1 && field <= 5 && field !== 2) throw new Error(`field ${field} has the wrong wire type`);
      else reader.skip(wire);
    }
  } catch (error) {
    throw new ImportError('malformed', `The Google Authenticator export is damaged (${(error as Error).message}).`);
  }
  if (otps.length === 0) throw new ImportError('empty', 'The Google Authenticator export holds no accounts.');
  if (batch.size < 1 || batch.index < 0 || batch.index >= batch.size) {
    throw new ImportError(
      'malformed',
      `The Google Authenticator export says it is part ${batch.index + 1} of ${batch.size}.`,
    );
  }
  return { otps, batch };
}

function readOtp(bytes: Uint8Array): RawOtp {
  const otp: RawOtp = { secret: new Uint8Array(), name: '', issuer: '', algorithm: 0, digits: 0, type: 0, counter: 0n };
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    const text = wire === WireType.LengthDelimited;
    const number = wire === WireType.Varint;
    if (field === 1 && text) otp.secret = reader.bytes();
    else if (field === 2 && text) otp.name = reader.string();
    else if (field === 3 && text) otp.issuer = reader.string();
    else if (field === 4 && number) otp.algorithm = reader.int32();
    else if (field === 5 && number) otp.digits = reader.int32();
    else if (field === 6 && number) otp.type = reader.int32();
    else if (field === 7 && number) otp.counter = BigInt(reader.int64());
    else if (field >= 1 && field <= 7) throw new Error(`account field ${field} has the wrong wire type`);
    else reader.skip(wire);
  }
  return otp;
}

/** Maps Google's enums to an account; UNSPECIFIED means SHA1, 6 digits, TOTP, as Aegis reads it. */
function toAccount(otp: RawOtp): Account {
  const algorithm = ALGORITHMS[otp.algorithm];
  if (!algorithm)
    throw new OtpFieldError(
      'algorithm',
      otp.algorithm === 4 ? 'algorithm MD5 is not supported' : `algorithm ${otp.algorithm} is unknown`,
    );
  const digits = DIGITS[otp.digits];
  if (!digits) throw new OtpFieldError('digits', `digits ${otp.digits} is unknown`);
  const type = TYPES[otp.type];
  if (!type) throw new OtpFieldError('type', `type ${otp.type} is unknown`);
  if (otp.counter < 0n || otp.counter > BigInt(Number.MAX_SAFE_INTEGER))
    throw new OtpFieldError('counter', 'counter is out of range');
  const { issuer, label } = splitName(otp.issuer, otp.name);
  const common = { issuer, label, secret: secretFromBytes(otp.secret), algorithm, digits };
  // There is no period field: Google Authenticator only ever uses 30 seconds.
  return validateAccount(
    type === 'hotp' ? { ...common, type, counter: Number(otp.counter) } : { ...common, type, period: 30 },
  );
}

/** With no issuer, "Issuer:label" names carry it; with one, a repeated "Issuer:" prefix is dropped. */
function splitName(issuer: string, name: string): { issuer: string; label: string } {
  const colon = name.indexOf(':');
  if (!issuer && colon > 0) return { issuer: name.slice(0, colon).trim(), label: name.slice(colon + 1).trim() };
  if (issuer && name.startsWith(`${issuer}:`)) return { issuer, label: name.slice(issuer.length + 1).trim() };
  return { issuer, label: name };
}
