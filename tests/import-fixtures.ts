/**
 * Export files that ../shared/fixtures lacks, built at test time in each app's own shape and
 * with each app's own cryptography, independent of the parsers' code paths (libsodium for
 * Argon2id and secretstream, Node's crypto for AES, PBKDF2 and HMAC). Their plaintexts are the
 * shared fixtures (real exports from Aegis's test data) or the 8 reference entries, so the
 * import table in utils/core/import/*-encrypted.test.ts can expect Aegis's vectors. Sources:
 * - Proton Authenticator: protonpass/proton-pass-common@a72e06b3,
 *   proton-authenticator/src/entry/password_exporter.rs (envelope, Argon2id, AES-GCM and AAD).
 * - Ente Auth: the envelope in
 *   https://github.com/ente-io/ente/blob/main/docs/docs/auth/migration/export.md and its clients'
 *   libsodium calls (crypto_pwhash Argon2id13, crypto_secretstream push with TAG_FINAL).
 * - Bitwarden: bitwarden/clients libs/importer/src/importers/bitwarden/
 *   bitwarden-password-protected-importer.ts and the key service's makeKey/stretchKey
 *   (PBKDF2 of the salt text, Argon2id of its SHA-256; HKDF-Expand "enc"/"mac"; EncString 2).
 * - LastPass Authenticator: the real iOS export in protonpass/proton-pass-common@85bc82bc,
 *   proton-authenticator/test_data/authenticator/lastpass/lastpass_ios_export.json.
 * - 2FAuth: Bubka/2FAuth app/Api/v1/Resources/TwoFAccountExport{Collection,Resource}.php and the
 *   example in its API documentation (app "2fauth_v5.1.1", schema 1).
 */
import { createCipheriv, createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { argon2id } from 'hash-wasm';
import sodium from 'libsodium-wrappers-sumo';
import { expect } from 'vitest';
import type { ParsedImport } from '../utils/core/import/imported';
import { generateCode } from '../utils/core/otp/otp';
import { expectedAegisEntries, fixturePath, type ExpectedEntry } from './shared-fixtures';

/** The key a KDF gives for a password and the salt bytes handed to it; tests swap in a cheap one. */
export type Kdf = (password: string, salt: Uint8Array) => Promise<Uint8Array>;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));
const shared = (file: string) => new Uint8Array(readFileSync(fixturePath(`aegis-importers/${file}`)));

/** Proton's export key: Argon2id v1.3, 19 MiB, 2 passes, 1 lane, by libsodium's crypto_pwhash. */
export const protonKdf: Kdf = async (password, salt) => {
  await sodium.ready;
  return sodium.crypto_pwhash(32, password, salt, 2, 19 * 1024 * 1024, sodium.crypto_pwhash_ALG_ARGON2ID13);
};

/** Proton Authenticator's password-protected export of its plain export (proton_authenticator.json by default). */
export async function protonEncryptedExport(
  password: string,
  { kdf = protonKdf, plain = shared('proton_authenticator.json') } = {},
) {
  const salt = new Uint8Array(randomBytes(16));
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await kdf(password, salt), nonce);
  cipher.setAAD(Buffer.from('proton.authenticator.export.v1'));
  const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return json({ version: 1, salt: b64(salt), content: b64(sealed) });
}

/** Ente's KDF, libsodium's crypto_pwhash with the file's memLimit (bytes) and opsLimit. */
export function enteKdf(memLimit: number, opsLimit: number): Kdf {
  return async (password, salt) => {
    await sodium.ready;
    return sodium.crypto_pwhash(32, password, salt, opsLimit, memLimit, sodium.crypto_pwhash_ALG_ARGON2ID13);
  };
}

/**
 * Ente Auth's encrypted export of its plain export (ente_auth.txt by default). Ente itself asks
 * for 1 GiB; tests use less, which the format records per file.
 */
export async function enteEncryptedExport(
  password: string,
  {
    memLimit = 16 * 1024 * 1024,
    opsLimit = 2,
    kdf = enteKdf(memLimit, opsLimit),
    plain = shared('ente_auth.txt'),
  } = {},
) {
  await sodium.ready;
  const salt = sodium.randombytes_buf(16);
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(await kdf(password, salt));
  const data = sodium.crypto_secretstream_xchacha20poly1305_push(
    state,
    plain,
    null,
    sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL,
  );
  return json({
    version: 1,
    kdfParams: { memLimit, opsLimit, salt: b64(salt) },
    encryptedData: b64(data),
    encryptionNonce: b64(header),
  });
}

export interface BitwardenKdf {
  kdfType: 0 | 1;
  kdfIterations: number;
  kdfMemory?: number;
  kdfParallelism?: number;
}

/** Bitwarden's makeKey: PBKDF2-SHA256 of the salt text, or Argon2id (MiB) of its SHA-256. */
export function bitwardenKdf(settings: BitwardenKdf): Kdf {
  return async (password, salt) =>
    settings.kdfType === 0
      ? new Uint8Array(pbkdf2Sync(password, salt, settings.kdfIterations, 32, 'sha256'))
      : argon2id({
          password,
          salt,
          iterations: settings.kdfIterations,
          memorySize: settings.kdfMemory! * 1024,
          parallelism: settings.kdfParallelism!,
          hashLength: 32,
          outputType: 'binary',
        });
}

/** Bitwarden's EncString type 2 with a key stretched by HKDF-Expand (T(1) = HMAC(key, info || 1)). */
function encString(key: Uint8Array, plain: Uint8Array): string {
  const stretch = (info: string) => createHmac('sha256', key).update(info).update(Buffer.of(1)).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', stretch('enc'), iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  const mac = createHmac('sha256', stretch('mac')).update(iv).update(data).digest();
  return `2.${b64(iv)}|${b64(data)}|${b64(mac)}`;
}

/** Bitwarden's password-protected JSON export of a plain export (bitwarden.json by default). */
export async function bitwardenEncryptedExport(
  password: string,
  settings: BitwardenKdf,
  { kdf = bitwardenKdf(settings), plain = shared('bitwarden.json') } = {},
) {
  const salt = b64(randomBytes(16));
  const saltBytes = new TextEncoder().encode(salt);
  const key = await kdf(
    password,
    settings.kdfType === 0 ? saltBytes : new Uint8Array(createHash('sha256').update(saltBytes).digest()),
  );
  return json({
    encrypted: true,
    passwordProtected: true,
    salt,
    kdfType: settings.kdfType,
    kdfIterations: settings.kdfIterations,
    kdfMemory: settings.kdfMemory ?? null,
    kdfParallelism: settings.kdfParallelism ?? null,
    encKeyValidation_DO_NOT_EDIT: encString(key, new TextEncoder().encode(crypto.randomUUID())),
    data: encString(key, plain),
  });
}

/** Bitwarden's JSON export before it had the `encrypted` key: folders and items only. */
export function bitwardenOldJsonExport() {
  const { encrypted: _, ...rest } = JSON.parse(new TextDecoder().decode(shared('bitwarden.json'))) as Record<
    string,
    unknown
  >;
  return json(rest);
}

/** An account-restricted export: the same shape, each value encrypted with a key Tessera never sees. */
export function bitwardenAccountRestrictedExport() {
  const key = new Uint8Array(randomBytes(32));
  const value = (text: string) => encString(key, new TextEncoder().encode(text));
  return json({
    encrypted: true,
    encKeyValidation_DO_NOT_EDIT: value(crypto.randomUUID()),
    folders: [],
    items: [
      { id: crypto.randomUUID(), type: 1, name: value('Deno'), login: { totp: value('otpauth://totp/x?secret=AAAA') } },
    ],
  });
}

const entries = (numbers: number[]): ExpectedEntry[] => numbers.map((n) => expectedAegisEntries()[n - 1]!);

/** LastPass Authenticator's JSON export (the iOS app's shape) of TOTP reference entries. */
export function lastPassExport(
  numbers = [1, 2, 3, 8],
  over: (entry: ExpectedEntry) => Record<string, unknown> = () => ({}),
) {
  return json({
    deviceName: 'iPhone16,1',
    localDeviceId: null,
    accounts: entries(numbers).map((entry, position) => ({
      originalIssuerName: entry.issuer,
      isFavorite: false,
      lmiUserId: '',
      digits: entry.digits,
      accountID: '',
      creationTimestamp: 1746694099 + position,
      algorithm: entry.algo,
      originalUserName: entry.name,
      folderData: { folderId: 0, position },
      timeStep: entry.period,
      userName: entry.name,
      issuerName: entry.issuer,
      secret: entry.secret,
      ...over(entry),
    })),
    folders: [
      { id: 1, isOpened: true, name: 'Favorites' },
      { isOpened: true, name: 'Other Accounts', id: 0 },
    ],
    version: 1,
  });
}

const TWO_FAUTH_TYPES = { totp: 'totp', hotp: 'hotp', steam: 'steamtotp' } as const;

/** 2FAuth's JSON export of reference entries (all 8 by default: TOTP, HOTP and Steam). */
export function twoFAuthExport(numbers = [1, 2, 3, 4, 5, 6, 7, 8]) {
  return json({
    app: '2fauth_v5.1.1',
    schema: 1,
    datetime: '2024-04-07T12:16:29.606564Z',
    data: entries(numbers).map((entry) => ({
      otp_type: TWO_FAUTH_TYPES[entry.type],
      account: entry.name,
      service: entry.issuer,
      icon: null,
      icon_mime: null,
      icon_file: null,
      secret: entry.secret,
      digits: entry.digits,
      algorithm: entry.algo.toLowerCase(),
      period: entry.type === 'hotp' ? null : entry.period,
      counter: entry.type === 'hotp' ? entry.counter : null,
      legacy_uri: `otpauth://${entry.type === 'hotp' ? 'hotp' : 'totp'}/${encodeURIComponent(entry.issuer)}%3A${encodeURIComponent(entry.name)}?issuer=${encodeURIComponent(entry.issuer)}&secret=${entry.secret}`,
    })),
  });
}

/**
 * Checks an import against reference entries: the same secrets, each with its type, hash,
 * digits, names (unless `unnamedSteam`: a bare steam:// secret takes the item's name) and the
 * code the app shows at t = 1234567890 (HOTP: at the stored counter).
 */
export function expectReferenceEntries(parsed: ParsedImport, numbers: number[], { unnamedSteam = false } = {}) {
  expect(parsed.skipped).toEqual([]);
  const wanted = entries(numbers);
  expect(parsed.accounts.map(({ account }) => account.secret).sort()).toEqual(
    wanted.map((entry) => entry.secret).sort(),
  );
  for (const entry of wanted) {
    const { account } = parsed.accounts.find((item) => item.account.secret === entry.secret)!;
    const names = unnamedSteam && entry.type === 'steam' ? {} : { issuer: entry.issuer, label: entry.name };
    expect(account, entry.issuer).toMatchObject({
      type: entry.type,
      algorithm: entry.algo,
      digits: entry.digits,
      ...names,
    });
    if (entry.type === 'hotp') expect(generateCode(account, 0)).toBe(entry.code_at_counter);
    else expect(generateCode(account, 1_234_567_890_000)).toBe(entry.codes_at_unix_time!['1234567890']);
  }
}
