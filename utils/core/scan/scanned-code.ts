/**
 * What a QR code found on a page or in a picture holds, as the scan preview tells it: an account
 * (`otpauth://`, `steam://`), part of a Google Authenticator export, a damaged one of those, or
 * something else entirely (a web address), shown shortened so the user sees what it was.
 */
import type { Account } from '../otp/account';
import { ImportError } from '../import/import-error';
import { inspectOtpauthUri } from '../otp/otpauth-uri';
import { isMigrationUri, parseMigrationUri, type MigrationPart } from './otpauth-migration';
import { OtpFieldError } from '../otp/otp-field-error';

export type ScannedCode =
  | { kind: 'account'; account: Account; warnings: string[] }
  | { kind: 'migration'; part: MigrationPart }
  /** Meant as an authenticator code, but unusable: the reason says which field or what damage. */
  | { kind: 'invalid'; text: string; reason: string }
  /** Not an authenticator code at all. */
  | { kind: 'other'; text: string };

/** Longest text shown back to the user from an unusable code. */
export const SHOWN_LENGTH = 60;

export function readScannedCode(text: string): ScannedCode {
  const trimmed = text.trim();
  if (isMigrationUri(trimmed)) {
    try {
      return { kind: 'migration', part: parseMigrationUri(trimmed) };
    } catch (error) {
      if (error instanceof ImportError)
        return { kind: 'invalid', text: shorten(trimmed.replace(/data=.*/is, 'data=…')), reason: error.message };
      throw error;
    }
  }
  if (/^(otpauth|steam):/i.test(trimmed)) {
    try {
      const { account, warnings } = inspectOtpauthUri(trimmed);
      return { kind: 'account', account, warnings };
    } catch (error) {
      // The secret is in the text: never show it back, only what is wrong.
      if (error instanceof OtpFieldError) {
        const masked = trimmed.replace(/secret=[^&]*/i, 'secret=…');
        return { kind: 'invalid', text: shorten(masked), reason: error.message };
      }
      throw error;
    }
  }
  return { kind: 'other', text: shorten(trimmed) };
}

/** At most SHOWN_LENGTH characters (whole code points), with an ellipsis when cut. */
export function shorten(text: string, max = SHOWN_LENGTH): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
