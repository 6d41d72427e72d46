/**
 * Authy's own storage, `shared_prefs/com.authy.storage.tokens.authenticator.xml` (and
 * `….authy.xml` for Authy's own accounts), read from a rooted phone: one `<string>` holding a JSON
 * array of tokens `{accountType, digits, originalIssuer, originalName, name, decryptedSecret}`.
 * With backups on, the secret is `encryptedSecret` instead: base64 AES-256-CBC with a zero IV,
 * keyed by PBKDF2-SHA1 (1,000 rounds) of the backup password with the token's own `salt` text.
 * Authy has no hash or period settings: third-party tokens are SHA1 and 30 s. Its own tokens
 * (`secretSeed`, hex) are 10 s and named after the service.
 * @see https://github.com/beemdevelopment/Aegis (AuthyImporter: the same files, read in Java)
 */
import { fromBase64, utf8 } from '../internal/bytes';
import { secretFromBytes } from '../otp/otp';
import { OtpFieldError } from '../otp/otp-field-error';
import { ImportError } from './import-error';
import { collectAccounts, entryAccount, entryName } from './imported';
import { aesCbcDecrypt, hexBytes, pbkdf2, wrongPassword } from './import-crypto';
import { requirePassword, type Importer, type ImportSource } from './import-source';
import { hasPreference, readSharedPrefs } from './shared-prefs';

const FORMAT = 'Authy';
const KEYS = ['com.authy.storage.tokens.authenticator.key', 'com.authy.storage.tokens.authy.key'];
const ROUNDS = 1_000;
const ZERO_IV = new Uint8Array(16);
/** Authy's own tokens change every 10 s; third-party ones every 30 s. */
const AUTHY_PERIOD = 10;

interface Token {
  accountType?: unknown;
  digits?: unknown;
  originalIssuer?: unknown;
  originalName?: unknown;
  name?: unknown;
  decryptedSecret?: unknown;
  encryptedSecret?: unknown;
  salt?: unknown;
  secretSeed?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function tokensOf(source: ImportSource): Token[] {
  const prefs = readSharedPrefs(source.text!, FORMAT);
  const tokens: Token[] = [];
  for (const key of KEYS) {
    const value = prefs.get(key);
    if (value === undefined) continue;
    let list: unknown;
    try {
      list = JSON.parse(value);
    } catch {
      throw new ImportError('malformed', `This ${FORMAT} file is damaged: its token list is not JSON.`);
    }
    if (!Array.isArray(list) || !list.every((token) => typeof token === 'object' && token !== null))
      throw new ImportError('malformed', `This ${FORMAT} file is damaged: its token list is not a list of tokens.`);
    tokens.push(...(list as Token[]));
  }
  return tokens;
}

/** Issuer and name as Authy shows them: "Deno: Mason" with issuer Deno is "Mason". */
function names(token: Token): { issuer: string; label: string } {
  const name = text(token.name);
  if (token.secretSeed !== undefined) return { issuer: name, label: '' };
  const original = text(token.originalName);
  const issuer =
    text(token.originalIssuer) ||
    (original.includes(':') ? original.slice(0, original.indexOf(':')) : '') ||
    (name.includes(' - ') ? name.slice(0, name.indexOf(' - ')) : '');
  let label = name;
  for (const separator of [': ', ':', ' - ']) {
    if (issuer && label.startsWith(`${issuer}${separator}`)) label = label.slice(issuer.length + separator.length);
  }
  return { issuer, label };
}

/** The base32 text of an encrypted secret, or a wrong-password error when it does not decrypt to one. */
async function decryptSecret(token: Token, password: string): Promise<string> {
  const encrypted = fromBase64(
    text(token.encryptedSecret),
    () => new ImportError('malformed', `This ${FORMAT} file is damaged: an encrypted secret is not base64.`),
  );
  if (encrypted.length === 0 || encrypted.length % 16 !== 0)
    throw new ImportError('malformed', `This ${FORMAT} file is damaged: an encrypted secret is cut short.`);
  if (typeof token.salt !== 'string')
    throw new ImportError('malformed', `This ${FORMAT} file is damaged: an encrypted secret has no salt.`);
  const key = await pbkdf2(password, utf8(token.salt), ROUNDS, 'SHA-1', 256);
  const plain = await aesCbcDecrypt(key, ZERO_IV, encrypted, FORMAT);
  // CBC has no integrity check: a wrong password shows as padding that is wrong, or as text that is not base32.
  const secret = new TextDecoder().decode(plain);
  if (!/^[A-Z2-7= -]+$/i.test(secret)) throw wrongPassword(FORMAT);
  return secret;
}

export const authy: Importer = {
  format: FORMAT,
  matches: (source) => KEYS.some((key) => hasPreference(source, key)),
  async parse(source, password) {
    const tokens = tokensOf(source);
    const encrypted = tokens.filter(
      (token) => token.decryptedSecret === undefined && token.secretSeed === undefined && 'encryptedSecret' in token,
    );
    if (encrypted.length > 0) {
      const key = requirePassword(password, FORMAT);
      for (const token of encrypted) token.decryptedSecret = await decryptSecret(token, key);
    }
    return collectAccounts(
      FORMAT,
      tokens,
      (token) => {
        const { issuer, label } = names(token);
        const own = token.secretSeed !== undefined;
        if (own && typeof token.secretSeed !== 'string') throw new OtpFieldError('secret', 'secretSeed is not hex');
        return {
          account: entryAccount({
            issuer,
            label,
            secret: own ? secretFromBytes(hexBytes(token.secretSeed, FORMAT)) : token.decryptedSecret,
            digits: token.digits,
            period: own ? AUTHY_PERIOD : undefined,
          }),
          tags: [],
        };
      },
      (token) => entryName(names(token).issuer, names(token).label),
    );
  },
};
