/**
 * Stratum / Authenticator Pro backups: JSON
 * `{Authenticators: [{Type, Issuer, Username, Secret, Algorithm, Digits, Period, Counter}]}` with
 * Type 1 HOTP, 2 TOTP, 3 mOTP, 4 Steam, 5 Yandex and Algorithm 0/1/2 = SHA1/256/512; categories
 * become tags. Encrypted: "AUTHENTICATORPRO"‖salt(16)‖iv(12)‖ciphertext‖tag with Argon2id
 * (t=3, 64 MiB, p=4) and AES-GCM; the legacy "AuthenticatorPro"‖salt(20)‖iv(16)‖ciphertext with
 * PBKDF2-SHA1 (64,000 rounds) and AES-CBC.
 * @see https://github.com/stratumauth/app/blob/master/doc/BACKUP_FORMAT.md (the JSON; the
 * encrypted layouts are in the app's source in the same repository)
 */
import { bytesEqual, utf8 } from '../internal/bytes';
import { collectAccounts, entryAccount, entryName, field } from './imported';
import { aesCbcDecrypt, aesGcmDecrypt, argon2idKey, decryptedJson, pbkdf2 } from './import-crypto';
import { jsonObject, requirePassword, type Importer, type ImportSource } from './import-source';

const FORMAT = 'Stratum';
const HEADER = utf8('AUTHENTICATORPRO');
const LEGACY_HEADER = utf8('AuthenticatorPro');
const TYPES: Record<number, string> = { 1: 'hotp', 2: 'totp', 3: 'mOTP', 4: 'steam', 5: 'Yandex' };
const ALGORITHMS: Record<number, string> = { 0: 'SHA1', 1: 'SHA256', 2: 'SHA512' };

interface Authenticator {
  Type?: number;
  Issuer?: string;
  Username?: string | null;
  Secret?: string;
  Algorithm?: number;
  Digits?: number;
  Period?: number;
  Counter?: number;
}

const startsWith = (bytes: Uint8Array, header: Uint8Array) =>
  bytes.length > header.length && bytesEqual(bytes.subarray(0, header.length), header);

function entries(backup: unknown) {
  const list = field<Authenticator[]>(backup, 'Authenticators', 'array', FORMAT);
  const categories = new Map(
    ((backup as { Categories?: { Id: string; Name: string }[] }).Categories ?? []).map((category) => [
      category.Id,
      category.Name,
    ]),
  );
  const bindings =
    (backup as { AuthenticatorCategories?: { CategoryId: string; AuthenticatorSecret: string }[] })
      .AuthenticatorCategories ?? [];
  return collectAccounts(
    FORMAT,
    list,
    (entry) => ({
      account: entryAccount({
        type: TYPES[entry.Type ?? 0] ?? `Type ${entry.Type}`,
        issuer: entry.Issuer,
        label: entry.Username,
        secret: entry.Secret,
        algorithm: ALGORITHMS[entry.Algorithm ?? 0] ?? `Algorithm ${entry.Algorithm}`,
        digits: entry.Digits,
        period: entry.Period,
        counter: entry.Counter,
      }),
      tags: bindings
        .filter((binding) => binding.AuthenticatorSecret === entry.Secret)
        .flatMap((binding) => categories.get(binding.CategoryId) ?? []),
    }),
    (entry) => entryName(entry.Issuer, entry.Username),
  );
}

async function decrypt(bytes: Uint8Array, password: string): Promise<unknown> {
  if (startsWith(bytes, HEADER)) {
    const salt = bytes.subarray(16, 32);
    const key = await argon2idKey(password, salt, 3, 65_536, 4);
    return decryptedJson(await aesGcmDecrypt(key, bytes.subarray(32, 44), bytes.subarray(44), FORMAT), FORMAT);
  }
  const key = await pbkdf2(password, bytes.subarray(16, 36), 64_000, 'SHA-1');
  return decryptedJson(await aesCbcDecrypt(key, bytes.subarray(36, 52), bytes.subarray(52), FORMAT), FORMAT);
}

export const stratum: Importer = {
  format: FORMAT,
  matches: (source) => Array.isArray(jsonObject(source)?.Authenticators),
  parse: async (source) => entries(source.json),
};

export const stratumEncrypted: Importer = {
  format: `${FORMAT} (encrypted)`,
  matches: (source: ImportSource) => startsWith(source.bytes, HEADER) || startsWith(source.bytes, LEGACY_HEADER),
  parse: async (source, password) => ({
    ...entries(await decrypt(source.bytes, requirePassword(password, FORMAT))),
    format: FORMAT,
  }),
};
