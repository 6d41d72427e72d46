/**
 * Duo Mobile's account list, `files/duokit/accounts.json` from a rooted phone: a JSON array of
 * `{name, accountType, otpGenerator: {otpSecret, counter?}, …}`. An entry with a counter is HOTP
 * (at that counter, as stored), one without is TOTP with the defaults; Duo keeps no issuer. Duo's
 * own push-login accounts have no `otpGenerator`: they hold no code secret and are named as skipped.
 * @see https://github.com/beemdevelopment/Aegis (DuoImporter: the same file, read in Java)
 */
import { OtpFieldError } from '../otp/otp-field-error';
import { collectAccounts, entryAccount, entryName } from './imported';
import type { Importer, ImportSource } from './import-source';

const FORMAT = 'Duo Mobile';

interface Entry {
  name?: unknown;
  accountType?: unknown;
  otpGenerator?: { otpSecret?: unknown; counter?: unknown } | null;
}

const entriesOf = (source: ImportSource): Entry[] | undefined => {
  const { json } = source;
  return Array.isArray(json) &&
    json.length > 0 &&
    json.every((entry) => typeof entry === 'object' && entry !== null && ('otpGenerator' in entry || 'pkey' in entry))
    ? (json as Entry[])
    : undefined;
};

export const duo: Importer = {
  format: FORMAT,
  matches: (source) => entriesOf(source)?.some((entry) => 'otpGenerator' in entry) ?? false,
  parse: async (source) =>
    collectAccounts(
      FORMAT,
      entriesOf(source)!,
      (entry) => {
        const generator = entry.otpGenerator;
        if (typeof generator !== 'object' || generator === null)
          throw new OtpFieldError('type', 'a Duo push account has no code secret');
        const hotp = generator.counter !== undefined && generator.counter !== null;
        return {
          account: entryAccount({
            type: hotp ? 'hotp' : 'totp',
            issuer: '',
            label: entry.name,
            secret: generator.otpSecret,
            counter: generator.counter,
          }),
          tags: [],
        };
      },
      (entry) => entryName('', entry.name),
    ),
};
