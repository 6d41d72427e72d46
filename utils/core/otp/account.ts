/**
 * The serialisable description of one authenticator account: everything needed to compute its
 * codes and to show it. This is what parsers return and what the vault stores.
 */

export type HashAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export const HASH_ALGORITHMS: readonly HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

interface AccountBase {
  /** Service name ("GitHub"); may be empty. */
  issuer: string;
  /** Account name at that service ("alice@example.com"); may be empty. */
  label: string;
  /** Shared secret as canonical base32 (RFC 4648 §6): upper case, no padding, no spaces. */
  secret: string;
  algorithm: HashAlgorithm;
  /** Code length: 6-10 for TOTP/HOTP, always 5 for Steam. */
  digits: number;
}

/** Time-based codes (RFC 6238), including Steam Guard, which is TOTP with its own alphabet. */
export interface TimeBasedAccount extends AccountBase {
  type: 'totp' | 'steam';
  /** Time step in seconds [period=30]. */
  period: number;
}

/** Counter-based codes (RFC 4226). */
export interface CounterBasedAccount extends AccountBase {
  type: 'hotp';
  /** The counter of the next code to show. */
  counter: number;
}

export type Account = TimeBasedAccount | CounterBasedAccount;
export type OtpType = Account['type'];

/** Steam Guard codes are always 5 characters, SHA1, 30 seconds. */
export const STEAM_DIGITS = 5;
export const DEFAULT_PERIOD = 30;
export const DEFAULT_DIGITS = 6;
/** TOTP/HOTP code lengths: RFC 4226's 31-bit truncated value has at most 10 decimal digits. */
export const MIN_DIGITS = 6;
export const MAX_DIGITS = 10;
