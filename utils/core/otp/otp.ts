/**
 * One-time codes for an {@link Account}: the only module that talks to the `otpauth` library,
 * so a later swap or upgrade touches one file. Time is always passed in (milliseconds since the
 * epoch) so that every function is pure and testable against the RFC tables.
 */
import { HOTP, Secret } from 'otpauth';
import { STEAM_DIGITS, type Account, type TimeBasedAccount } from './account';
import { OtpFieldError } from './otp-field-error';

/** Steam Guard's 26-letter alphabet (no vowels, no look-alikes). */
const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/**
 * Cleans up a base32 secret the way real authenticators accept it (lower case, spaces, dashes,
 * `=` padding) and returns it in canonical form: upper case, unpadded, re-encoded from its bytes
 * so that two spellings of one key compare equal.
 * @see RFC 4648 §6
 * @throws {OtpFieldError} field `secret` when it is empty or holds a non-base32 character.
 */
export function normaliseSecret(text: string): string {
  const cleaned = text
    .replace(/[\s-]+/g, '')
    .replace(/=+$/, '')
    .toUpperCase();
  if (cleaned === '') throw new OtpFieldError('secret', 'secret is missing');
  const bad = /[^A-Z2-7]/.exec(cleaned);
  if (bad) throw new OtpFieldError('secret', `secret is not base32 (it contains "${bad[0]}")`);
  const bytes = Secret.fromBase32(cleaned).bytes;
  if (bytes.length === 0) throw new OtpFieldError('secret', 'secret is too short to hold a key');
  return new Secret({ buffer: bytes.slice().buffer }).base32;
}

/**
 * A fresh random secret, base32-encoded, as a service generates one when a user turns on 2FA.
 * @param [bytes=20] 160 bits, the length RFC 4226 §4 recommends.
 */
export function randomSecret(bytes = 20): string {
  return new Secret({ size: bytes }).base32;
}

/** A raw key (as Google's export stores it) in canonical base32. */
export function secretFromBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new OtpFieldError('secret', 'secret is missing');
  return new Secret({ buffer: bytes.slice().buffer }).base32;
}

/** The raw key of a canonical base32 secret (Google's export stores bytes). */
export function secretBytes(secret: string): Uint8Array {
  return new Uint8Array(Secret.fromBase32(secret).bytes);
}

/** Number of bytes in a canonical base32 secret. */
export function secretByteLength(secret: string): number {
  return Math.floor((secret.length * 5) / 8);
}

/** The RFC 6238 time step (T) that `now` falls in. */
export function timeStep(account: TimeBasedAccount, now: number): number {
  return Math.floor(now / 1000 / account.period);
}

/**
 * The code at a given counter (HOTP) or time step (TOTP, Steam).
 * @see RFC 4226 §5.3 (truncation), RFC 6238 §4 (T = floor(unixtime / period))
 */
export function codeAtCounter(account: Account, counter: number): string {
  const secret = Secret.fromBase32(account.secret);
  if (account.type === 'steam') {
    // Steam Guard: take the 31-bit dynamic-truncation value and write it in base 26, low digit
    // first. With 10 digits, HOTP's `% 10^10` leaves that 31-bit value untouched.
    let value = Number(HOTP.generate({ secret, algorithm: 'SHA1', digits: 10, counter }));
    let code = '';
    for (let i = 0; i < STEAM_DIGITS; i++) {
      code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
      value = Math.floor(value / STEAM_ALPHABET.length);
    }
    return code;
  }
  return HOTP.generate({ secret, algorithm: account.algorithm, digits: account.digits, counter });
}

/**
 * The code to show now: for TOTP and Steam the one for the current time step, for HOTP the one
 * for the stored counter.
 * @param now milliseconds since the Unix epoch
 */
export function generateCode(account: Account, now: number): string {
  return codeAtCounter(account, account.type === 'hotp' ? account.counter : timeStep(account, now));
}

/**
 * Checks a code the way a server does: accepts the current step and `window` steps either side
 * for time-based accounts (PyOTP's `valid_window`), or the next `window + 1` counters for HOTP
 * (RFC 4226 §7.4 look-ahead). Every candidate is compared, whatever matches, to keep the timing
 * independent of which step matched.
 * @param [window=1]
 * @returns the offset of the matching step or counter, or null when the code is wrong.
 */
export function verifyCode(account: Account, code: string, now: number, window = 1): number | null {
  const wanted = code.replace(/\s+/g, '').toUpperCase();
  const base = account.type === 'hotp' ? account.counter : timeStep(account, now);
  const offsets = account.type === 'hotp' ? range(0, window) : range(-window, window);
  let match: number | null = null;
  for (const offset of offsets) {
    if (base + offset < 0) continue;
    if (constantTimeEqual(codeAtCounter(account, base + offset), wanted) && match === null) match = offset;
  }
  return match;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i % Math.max(b.length, 1));
  return diff === 0;
}
