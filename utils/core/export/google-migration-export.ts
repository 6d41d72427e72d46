/**
 * Google Authenticator's "Transfer accounts" QR codes, so accounts move to a phone in one scan:
 * `otpauth-migration://offline?data=` with the protobuf payload written by @bufbuild/protobuf's
 * wire writer, at most 10 accounts per code (more make codes too dense to scan off a screen).
 * Google's format has no period and only 6 or 8 digits: accounts that need more (Steam, 7 digits,
 * a period other than 30 s) are listed as not movable.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/app/src/main/proto/google_auth.proto
 */
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import type { Account } from '../otp/account';
import { toBase64 } from '../internal/bytes';
import { secretBytes } from '../otp/otp';

export const ACCOUNTS_PER_CODE = 10;

const ALGORITHM = { SHA1: 1, SHA256: 2, SHA512: 3 } as const;
const DIGITS: Record<number, number> = { 6: 1, 8: 2 };
const TYPE = { hotp: 1, totp: 2 } as const;

export interface MigrationExport {
  /** One URI per QR code, in order; each names its batch (same id), index and size. */
  uris: string[];
  notMovable: { account: Account; reason: string }[];
}

function whyNot(account: Account): string | undefined {
  if (account.type === 'steam') return 'Google Authenticator has no Steam codes';
  if (!DIGITS[account.digits]) return `Google Authenticator shows only 6 or 8 digits, not ${account.digits}`;
  if (account.type === 'totp' && account.period !== 30)
    return `Google Authenticator uses 30-second codes only, not ${account.period}`;
  return undefined;
}

function otpParameters(account: Account & { type: 'totp' | 'hotp' }): Uint8Array {
  const writer = new BinaryWriter()
    .tag(1, 2)
    .bytes(secretBytes(account.secret))
    .tag(2, 2)
    .string(account.issuer ? `${account.issuer}:${account.label}` : account.label)
    .tag(3, 2)
    .string(account.issuer)
    .tag(4, 0)
    .int32(ALGORITHM[account.algorithm])
    .tag(5, 0)
    .int32(DIGITS[account.digits]!)
    .tag(6, 0)
    .int32(TYPE[account.type]);
  if (account.type === 'hotp') writer.tag(7, 0).int64(account.counter);
  return writer.finish();
}

/** @param batchId Google's random batch id (an int32), the same on every code of this export. */
export function exportMigrationUris(accounts: readonly Account[], batchId: number): MigrationExport {
  const notMovable = accounts.flatMap((account) => {
    const reason = whyNot(account);
    return reason ? [{ account, reason }] : [];
  });
  const movable = accounts.filter((account) => !whyNot(account)) as (Account & { type: 'totp' | 'hotp' })[];
  const size = Math.ceil(movable.length / ACCOUNTS_PER_CODE);
  const uris = Array.from({ length: size }, (_, index) => {
    const writer = new BinaryWriter();
    for (const account of movable.slice(index * ACCOUNTS_PER_CODE, (index + 1) * ACCOUNTS_PER_CODE))
      writer.tag(1, 2).bytes(otpParameters(account));
    writer.tag(2, 0).int32(1).tag(3, 0).int32(size).tag(4, 0).int32(index).tag(5, 0).int32(batchId);
    return `otpauth-migration://offline?data=${encodeURIComponent(toBase64(writer.finish()))}`;
  });
  return { uris, notMovable };
}
