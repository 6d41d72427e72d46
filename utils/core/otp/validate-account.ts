import type { Account } from './account';
import { buildOtpauthUri } from './build-otpauth-uri';
import { OtpFieldError } from './otp-field-error';
import { parseOtpauthUri } from './otpauth-uri';

const TYPES = new Set(['totp', 'hotp', 'steam']);

/**
 * Checks an account that arrives from outside (a message, a stored vault) and returns it in
 * canonical form. It goes through the URI builder and parser, so the rules are exactly those of
 * an `otpauth://` import: one place decides what a valid account is.
 * @throws {OtpFieldError} naming the field at fault.
 */
export function validateAccount(input: unknown): Account {
  if (typeof input !== 'object' || input === null) throw new OtpFieldError('uri', 'account must be an object');
  const account = input as Record<string, unknown>;
  if (!TYPES.has(account.type as string)) throw new OtpFieldError('type', 'type must be totp, hotp or steam');
  for (const field of ['issuer', 'label', 'secret', 'algorithm'] as const) {
    if (typeof account[field] !== 'string') throw new OtpFieldError(field, `${field} must be text`);
  }
  for (const field of account.type === 'hotp' ? (['digits', 'counter'] as const) : (['digits', 'period'] as const)) {
    if (typeof account[field] !== 'number') throw new OtpFieldError(field, `${field} must be a number`);
  }
  const trimmed = {
    ...account,
    issuer: (account.issuer as string).trim(),
    label: (account.label as string).trim(),
  } as Account;
  return parseOtpauthUri(buildOtpauthUri(trimmed));
}
