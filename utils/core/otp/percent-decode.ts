import { OtpFieldError, type OtpField } from './otp-field-error';

/**
 * Percent-decodes one URI component (RFC 3986 §2.1), naming the field when an escape is broken
 * instead of letting `decodeURIComponent`'s bare URIError escape.
 * @param [plusIsSpace=false] query values use form encoding, where `+` means a space
 *   (`issuer=Air+Canada`); path segments (the label) keep `+` as is (`alice+work@example.com`).
 */
export function percentDecode(text: string, field: OtpField, plusIsSpace = false): string {
  const spaced = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  let decoded: string;
  try {
    decoded = decodeURIComponent(spaced);
  } catch {
    throw new OtpFieldError(field, `${field} has a broken percent-escape`);
  }
  // A raw lone surrogate survives decoding but cannot be written back out (encodeURIComponent throws).
  if (!decoded.isWellFormed()) throw new OtpFieldError(field, `${field} is not valid Unicode text`);
  return decoded;
}
