/**
 * TOTP Authenticator (com.authenticator.authservice2). Its accounts are a JSON array of `{issuer,
 * name, key, base: 16|32|64, digits: "6", period: "30", …}`, kept in
 * `shared_prefs/TOTP_Authenticator_Preferences.xml` under STATIC_TOTP_CODES_LIST, and in its
 * backups as base64 of AES-256-CBC (zero IV, key SHA-256 of the password) over `{"<that array as
 * text>": "<timestamp>"}`. The app only makes SHA1 TOTP codes; digits and period are as stored.
 * @see https://github.com/beemdevelopment/Aegis (TotpAuthenticatorImporter: the same files, read in Java)
 */
import { fromBase64, utf8 } from '../internal/bytes';
import { secretFromBytes } from '../otp/otp';
import { OtpFieldError } from '../otp/otp-field-error';
import { ImportError } from './import-error';
import { collectAccounts, entryAccount, entryName, type ParsedImport } from './imported';
import { aesCbcDecrypt, decryptedJson, hexBytes, sha256, wrongPassword } from './import-crypto';
import { requirePassword, type Importer, type ImportSource } from './import-source';
import { hasPreference, preference, readSharedPrefs } from './shared-prefs';

const FORMAT = 'TOTP Authenticator';
const PREF_KEY = 'STATIC_TOTP_CODES_LIST';
const ZERO_IV = new Uint8Array(16);
const BASE64_TEXT = /^[A-Za-z0-9+/]+={0,2}$/;

interface Entry {
  issuer?: unknown;
  name?: unknown;
  key?: unknown;
  base?: unknown;
  digits?: unknown;
  period?: unknown;
}

function secretOf(entry: Entry): string {
  const key = typeof entry.key === 'string' ? entry.key : '';
  switch (entry.base) {
    case 16:
      try {
        return secretFromBytes(hexBytes(key, FORMAT));
      } catch {
        throw new OtpFieldError('secret', 'key is not hex');
      }
    case 32:
      return key;
    case 64:
      return secretFromBytes(fromBase64(key, () => new OtpFieldError('secret', 'key is not base64')));
    default:
      throw new OtpFieldError('secret', `key is in an unknown encoding (base ${String(entry.base)})`);
  }
}

function entries(text: string, damaged: () => ImportError): ParsedImport {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    throw damaged();
  }
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'object' && entry !== null)) throw damaged();
  return collectAccounts(
    FORMAT,
    list as Entry[],
    (entry) => ({
      account: entryAccount({
        issuer: entry.issuer,
        label: entry.name,
        secret: secretOf(entry),
        digits: entry.digits,
        period: entry.period,
      }),
      tags: [],
    }),
    (entry) => entryName(entry.issuer, entry.name),
  );
}

const malformed = () => new ImportError('malformed', `This ${FORMAT} file is damaged: its account list is not JSON.`);

/** The app's preferences file. */
export const totpAuthenticatorPrefs: Importer = {
  format: FORMAT,
  matches: (source) => hasPreference(source, PREF_KEY),
  parse: async (source) => entries(preference(readSharedPrefs(source.text!, FORMAT), PREF_KEY, FORMAT), malformed),
};

const base64Of = (source: ImportSource) => source.text?.replace(/\s+/g, '') ?? '';

/** Its backups: nothing but base64 whose bytes are whole AES blocks. */
export const totpAuthenticator: Importer = {
  format: FORMAT,
  matches: (source) => {
    const text = base64Of(source);
    const bytes = (text.length / 4) * 3 - (text.length - text.replace(/=+$/, '').length);
    return (
      source.json === undefined && text.length % 4 === 0 && bytes >= 16 && bytes % 16 === 0 && BASE64_TEXT.test(text)
    );
  },
  async parse(source, password) {
    const encrypted = fromBase64(base64Of(source), malformed);
    if (encrypted.length === 0 || encrypted.length % 16 !== 0)
      throw new ImportError('malformed', `This ${FORMAT} backup is damaged: it is cut short.`);
    const key = await sha256(utf8(requirePassword(password, FORMAT)));
    const backup = decryptedJson(await aesCbcDecrypt(key, ZERO_IV, encrypted, FORMAT), FORMAT);
    // CBC has no integrity check: anything but the expected shape means a wrong password.
    const [list] = typeof backup === 'object' && backup !== null && !Array.isArray(backup) ? Object.keys(backup) : [];
    if (list === undefined) throw wrongPassword(FORMAT);
    return entries(list, wrongPassword.bind(null, FORMAT));
  },
};
