/**
 * FreeOTP, in its two shapes.
 *
 * FreeOTP 1 (and FreeOTP+) keep their tokens in `shared_prefs/tokens.xml`: each `<string>` is
 * one token's JSON `{algo, counter, digits, issuerExt, label, period, secret: signed bytes,
 * type}`, beside a `tokenOrder` list. Like FreeOTP+'s JSON export, the stored HOTP counter is one
 * below the next code's, so the import adds one.
 *
 * FreeOTP 2's backup (`externalBackup.xml`, despite the name) is a Java-serialized
 * HashMap<String, String> (java-string-map.ts): `masterKey` is `{mAlgorithm:
 * PBKDF2withHmacSHA1|PBKDF2withHmacSHA512, mIterations, mSalt, mEncryptedKey}`; each token has
 * `<uuid>` = `{"key": "<EncryptedKey JSON>"}` and `<uuid>-token` = the token JSON without its
 * secret. An EncryptedKey is `{mCipher: "AES/GCM/NoPadding", mCipherText, mParameters: DER GCM
 * parameters, mToken: the key's algorithm}`, decrypted with its mToken as associated data. The
 * password gives (PBKDF2, 256 bits) the key that opens the master key, which opens each token's
 * secret. Its counters are the next code's, as stored.
 * @see https://github.com/freeotp/freeotp-android (Token, MasterKey, EncryptedKey)
 */
import { utf8 } from '../internal/bytes';
import { secretFromBytes } from '../otp/otp';
import { OtpFieldError } from '../otp/otp-field-error';
import { ImportError } from './import-error';
import { collectAccounts, entryAccount, entryName, type ImportedAccount } from './imported';
import { aesGcmDecrypt, pbkdf2 } from './import-crypto';
import { readJavaStringMap } from './java-string-map';
import { kdfSetting } from './kdf-limit';
import { requirePassword, type Importer } from './import-source';
import { hasPreference, readSharedPrefs } from './shared-prefs';

const FORMAT = 'FreeOTP';
const MASTER_KEY = 'masterKey';
const KDFS: Record<string, 'SHA-1' | 'SHA-512'> = {
  PBKDF2withHmacSHA1: 'SHA-1',
  PBKDF2withHmacSHA512: 'SHA-512',
};
/**
 * FreeOTP 2 writes 100,000 iterations (its MasterKey.java; every freeotp_v2_*.xml in ../shared);
 * more than 4x that is refused before deriving (kdf-limit.ts).
 */
export const FREEOTP_ITERATIONS = { min: 1_000, max: 4 * 100_000 } as const;

interface Token {
  algo?: unknown;
  counter?: unknown;
  digits?: unknown;
  issuerExt?: unknown;
  issuerInt?: unknown;
  label?: unknown;
  period?: unknown;
  secret?: unknown;
  type?: unknown;
}

const damaged = (why: string) =>
  new ImportError('malformed', `This ${FORMAT} export is damaged: ${why}. Nothing was imported.`);

function jsonObjectOf(text: string | undefined, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    throw damaged(`${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw damaged(`${what} is not an object`);
  return value as Record<string, unknown>;
}

/** Java's signed bytes, as FreeOTP's JSON (Gson) writes a byte[]. */
function signedBytes(value: unknown, what: string): Uint8Array {
  if (!Array.isArray(value) || !value.every((byte) => Number.isInteger(byte) && byte >= -128 && byte <= 255))
    throw new OtpFieldError('secret', `${what} is not a list of bytes`);
  return Uint8Array.from(value as number[], (byte) => byte & 0xff);
}

const issuerOf = (token: Token) => token.issuerExt ?? token.issuerInt;

function tokenAccount(token: Token, secret: Uint8Array, counterOffset: number): ImportedAccount {
  const type = typeof token.type === 'string' ? token.type : 'TOTP';
  // FreeOTP has no Steam type: a TOTP token issued by Steam is one (as Aegis reads it).
  const steam = type.toUpperCase() === 'TOTP' && issuerOf(token) === 'Steam';
  return {
    account: entryAccount({
      type: steam ? 'steam' : type,
      issuer: issuerOf(token),
      label: token.label,
      secret: secretFromBytes(secret),
      algorithm: token.algo,
      digits: token.digits,
      period: token.period,
      counter: typeof token.counter === 'number' ? token.counter + counterOffset : token.counter,
    }),
    tags: [],
  };
}

/** FreeOTP 1 / FreeOTP+ `tokens.xml`. */
export const freeOtpPrefs: Importer = {
  format: FORMAT,
  matches: (source) => hasPreference(source, 'tokenOrder'),
  async parse(source) {
    const prefs = readSharedPrefs(source.text!, FORMAT);
    const tokens = [...prefs]
      .filter(([name]) => name !== 'tokenOrder')
      .map(([name, value]) => jsonObjectOf(value, `token "${name}"`) as Token);
    return collectAccounts(
      FORMAT,
      tokens,
      (token) => tokenAccount(token, signedBytes(token.secret, 'secret'), 1),
      (token) => entryName(issuerOf(token), token.label),
    );
  },
};

interface EncryptedKey {
  cipherText: Uint8Array;
  nonce: Uint8Array;
  token: string;
}

/**
 * The nonce in an AES-GCM key's DER parameters: Android's GCMParameters, `SEQUENCE { OCTET STRING
 * nonce, INTEGER tagLength }`, or (API 23) the bare OCTET STRING. Only these two exact shapes,
 * with short lengths and a 128-bit tag (the one WebCrypto checks), are read.
 * @see https://datatracker.ietf.org/doc/html/rfc5084#section-3.2 (GCMParameters)
 */
function gcmNonce(der: Uint8Array): Uint8Array {
  const octets = (at: number) => {
    const length = der[at + 1] ?? 0;
    if (der[at] !== 0x04 || length < 12 || length > 16 || at + 2 + length > der.length)
      throw damaged('a key has unreadable AES-GCM parameters');
    return { nonce: der.subarray(at + 2, at + 2 + length), end: at + 2 + length };
  };
  if (der[0] === 0x04) {
    const { nonce, end } = octets(0);
    if (end === der.length) return nonce;
  } else if (der[0] === 0x30 && der[1] === der.length - 2) {
    const { nonce, end } = octets(2);
    const tail = der.subarray(end);
    if (tail.length === 0 || (tail.length === 3 && tail[0] === 0x02 && tail[1] === 0x01 && tail[2] === 16))
      return nonce;
  }
  throw damaged('a key has unreadable AES-GCM parameters');
}

function encryptedKey(value: unknown, what: string): EncryptedKey {
  const key = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (key.mCipher !== 'AES/GCM/NoPadding') throw damaged(`${what} is not encrypted with AES-GCM`);
  if (typeof key.mToken !== 'string') throw damaged(`${what} has no algorithm`);
  let cipherText: Uint8Array, parameters: Uint8Array;
  try {
    [cipherText, parameters] = [signedBytes(key.mCipherText, what), signedBytes(key.mParameters, what)];
  } catch {
    throw damaged(`${what} is not a list of bytes`);
  }
  return { cipherText, nonce: gcmNonce(parameters), token: key.mToken };
}

function decrypt(key: Uint8Array, encrypted: EncryptedKey): Promise<Uint8Array> {
  return aesGcmDecrypt(key, encrypted.nonce, encrypted.cipherText, FORMAT, utf8(encrypted.token));
}

interface BackupToken {
  name: string;
  key: EncryptedKey;
  token?: Token;
}

/** FreeOTP 2 backups: a Java-serialized map, marked by the object stream's magic number. */
export const freeOtpBackup: Importer = {
  format: FORMAT,
  matches: (source) => source.bytes[0] === 0xac && source.bytes[1] === 0xed,
  async parse(source, password) {
    let map: Map<string, string>;
    try {
      map = readJavaStringMap(source.bytes);
    } catch (error) {
      throw damaged((error as Error).message);
    }
    // Everything is read and checked before the slow key derivation.
    const master = jsonObjectOf(map.get(MASTER_KEY), 'its master key');
    const hash = KDFS[String(master.mAlgorithm)];
    if (!hash) throw damaged(`its master key uses an unknown derivation (${String(master.mAlgorithm)})`);
    const iterations = kdfSetting(
      FORMAT,
      'PBKDF2 iteration count (mIterations)',
      master.mIterations,
      FREEOTP_ITERATIONS.max,
      FREEOTP_ITERATIONS.min,
    );
    let salt: Uint8Array;
    try {
      salt = signedBytes(master.mSalt, 'salt');
    } catch {
      throw damaged('its master key has no salt');
    }
    const sealedMaster = encryptedKey(master.mEncryptedKey, 'its master key');
    const tokens: BackupToken[] = [...map.keys()]
      .filter((name) => name !== MASTER_KEY && !name.endsWith('-token'))
      .map((name) => {
        const details = map.get(`${name}-token`);
        const wrapper = jsonObjectOf(map.get(name), `token ${name}`);
        const key = encryptedKey(jsonObjectOf(String(wrapper.key), `the key of token ${name}`), `token ${name}`);
        return { name, key, ...(details === undefined ? {} : { token: jsonObjectOf(details, `token ${name}`) }) };
      });

    const passwordKey = await pbkdf2(requirePassword(password, FORMAT), salt, iterations, hash, 256);
    const masterKey = await decrypt(passwordKey, sealedMaster);
    const secrets = await Promise.all(
      tokens.map(async ({ key }) => {
        try {
          return await decrypt(masterKey, key);
        } catch {
          // The master key opened, so the password is right: this token is damaged.
          return undefined;
        }
      }),
    );
    // A secret without its token's details (name, type) cannot be shown: named, not dropped.
    const orphans = tokens.filter(({ token }) => !token);
    const parsed = collectAccounts(
      FORMAT,
      tokens.flatMap(({ token }, i) => (token ? [{ token, secret: secrets[i] }] : [])),
      ({ token, secret }) => {
        if (!secret) throw new ImportError('malformed', 'its secret does not decrypt');
        return tokenAccount(token, secret, 0);
      },
      ({ token }) => entryName(issuerOf(token), token.label),
    );
    return {
      ...parsed,
      skipped: [
        ...parsed.skipped,
        ...orphans.map(({ name }) => ({
          name: `Token ${name}`,
          reason: 'its name and type are missing from the backup',
        })),
      ],
    };
  },
};
