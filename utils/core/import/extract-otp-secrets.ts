/**
 * The JSON that scito/extract_otp_secrets writes from a Google Authenticator export: a list of
 * `{name, secret, issuer, type, counter, url}`, where `url` is the account's Key URI. The URI is
 * what is read, so one set of rules decides what is valid.
 * @see https://github.com/scito/extract_otp_secrets (README, "--json")
 */
import { parseOtpauthUri } from '../otp/otpauth-uri';
import { collectAccounts, entryName } from './imported';
import type { Importer } from './import-source';

const FORMAT = 'extract_otp_secrets';

type Entry = { name?: unknown; issuer?: unknown; url?: unknown };

const isEntry = (value: unknown): value is Entry =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Entry).url === 'string' &&
  /^otpauth:\/\//i.test((value as { url: string }).url) &&
  'secret' in value;

export const extractOtpSecrets: Importer = {
  format: FORMAT,
  matches: (source) => Array.isArray(source.json) && source.json.length > 0 && source.json.every(isEntry),
  parse: async (source) =>
    collectAccounts(
      FORMAT,
      source.json as Entry[],
      (entry) => ({ account: parseOtpauthUri(String(entry.url)), tags: [] }),
      (entry) => entryName(entry.issuer, entry.name),
    ),
};
