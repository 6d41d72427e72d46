/**
 * FreeOTP+ JSON exports: `{tokenOrder, tokens: [{algo, counter, digits, issuerExt, label, period,
 * secret: signed bytes, type}]}`. FreeOTP stores an HOTP counter one below the next code's, so the
 * import adds one.
 * @see https://github.com/helloworld1/FreeOTPPlus
 */
import { secretFromBytes } from '../otp/otp';
import { collectAccounts, entryAccount, entryName } from './imported';
import { OtpFieldError } from '../otp/otp-field-error';
import { jsonObject, type Importer } from './import-source';

const FORMAT = 'FreeOTP+';

interface Token {
  algo?: string;
  counter?: number;
  digits?: number;
  issuerExt?: string;
  label?: string;
  period?: number;
  secret?: unknown;
  type?: string;
}

function secretOf(bytes: unknown): string {
  if (!Array.isArray(bytes) || !bytes.every((byte) => Number.isInteger(byte) && byte >= -128 && byte <= 255))
    throw new OtpFieldError('secret', 'secret is not a list of bytes');
  return secretFromBytes(Uint8Array.from(bytes as number[], (byte) => byte & 0xff));
}

export const freeOtpPlus: Importer = {
  format: FORMAT,
  matches: (source) => {
    const backup = jsonObject(source);
    return backup !== undefined && Array.isArray(backup.tokens) && Array.isArray(backup.tokenOrder);
  },
  parse: async (source) =>
    collectAccounts(
      FORMAT,
      jsonObject(source)!.tokens as Token[],
      (token) => ({
        account: entryAccount({
          type: token.type,
          issuer: token.issuerExt,
          label: token.label,
          secret: secretOf(token.secret),
          algorithm: token.algo,
          digits: token.digits,
          period: token.period,
          counter: (token.counter ?? 0) + 1,
        }),
        tags: [],
      }),
      (token) => entryName(token.issuerExt, token.label),
    ),
};
