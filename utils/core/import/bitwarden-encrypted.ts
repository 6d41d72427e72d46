/**
 * Bitwarden's encrypted JSON exports. "Password protected": `{encrypted: true, passwordProtected:
 * true, salt, kdfType, kdfIterations, kdfMemory, kdfParallelism, encKeyValidation_DO_NOT_EDIT,
 * data}`. The password key is PBKDF2-SHA256 (kdfType 0) of the password and the salt text, or
 * Argon2id (kdfType 1; memory in MiB) with the SHA-256 of the salt text as its salt; HKDF-Expand
 * stretches it (bitwarden-enc-string.ts). The validation EncString tells a wrong password from a
 * damaged file; `data` holds the plain JSON export. "Account restricted" exports are encrypted
 * with the Bitwarden account's own key, which never leaves Bitwarden: they are refused with
 * what to do instead.
 * @see https://github.com/bitwarden/clients/blob/main/libs/importer/src/importers/bitwarden/bitwarden-password-protected-importer.ts
 * @see https://github.com/bitwarden/clients/blob/main/libs/key-management/src/key.service.ts (makeKey, stretchKey)
 * @see https://bitwarden.com/help/encrypted-export/
 */
import { utf8 } from '../internal/bytes';
import { bitwardenCsv, bitwardenJson } from './bitwarden';
import {
  decryptEncString,
  encStringAuthentic,
  parseEncString,
  stretchKey,
  type EncString,
  type StretchedKey,
} from './bitwarden-enc-string';
import { ImportError } from './import-error';
import { argon2idKey, pbkdf2, sha256, wrongPassword } from './import-crypto';
import { jsonObject, readImportSource, requirePassword, type Importer } from './import-source';
import { kdfSetting } from './kdf-limit';

const FORMAT = 'Bitwarden';

export const KDF_PBKDF2_SHA256 = 0;
export const KDF_ARGON2ID = 1;

/**
 * Bitwarden's own published maxima for an account's (and so an export's) key derivation: PBKDF2
 * 600,000 by default, at most 2,000,000; Argon2id 3 passes, 64 MiB, 4 lanes by default, at most
 * 10 passes, 1 GiB, 16 lanes (libs/key-management/src/models/kdf-config.ts, PBKDF2KdfConfig and
 * Argon2KdfConfig; https://bitwarden.com/help/kdf-algorithms/). Beyond them, refused before
 * deriving (kdf-limit.ts).
 */
export const BITWARDEN_LIMITS = {
  pbkdf2Iterations: [1, 2_000_000],
  argon2Iterations: [1, 10],
  argon2MemoryMiB: [15, 1024],
  argon2Parallelism: [1, 16],
} as const;

export const ACCOUNT_RESTRICTED =
  'This Bitwarden export is "account restricted": it is encrypted with your Bitwarden account\'s key, ' +
  'which only Bitwarden can use. In Bitwarden, export again choosing "Password protected" (or plain ' +
  '".json", and delete that file once imported), then import the new file here.';

function damaged(why: string): ImportError {
  return new ImportError('malformed', `This ${FORMAT} export is damaged: ${why}.`);
}

function whole(value: unknown, [min, max]: readonly [number, number], name: string): number {
  return kdfSetting(FORMAT, name, value, max, min);
}

async function passwordKey(file: Record<string, unknown>, password: string): Promise<StretchedKey> {
  const salt = file.salt;
  if (typeof salt !== 'string' || salt === '') throw damaged('its salt is missing');
  if (file.kdfType === KDF_PBKDF2_SHA256) {
    const iterations = whole(file.kdfIterations, BITWARDEN_LIMITS.pbkdf2Iterations, 'kdfIterations');
    return stretchKey(await pbkdf2(password, utf8(salt), iterations, 'SHA-256'));
  }
  if (file.kdfType === KDF_ARGON2ID) {
    const iterations = whole(file.kdfIterations, BITWARDEN_LIMITS.argon2Iterations, 'kdfIterations');
    const memoryMiB = whole(file.kdfMemory, BITWARDEN_LIMITS.argon2MemoryMiB, 'kdfMemory');
    const parallelism = whole(file.kdfParallelism, BITWARDEN_LIMITS.argon2Parallelism, 'kdfParallelism');
    const saltHash = await sha256(utf8(salt));
    const key = await argon2idKey(password, saltHash, iterations, memoryMiB * 1024, parallelism).catch(() => {
      // WebAssembly could not have the memory the export asks for (up to 1 GiB): not a damaged file.
      throw new ImportError(
        'malformed',
        `This ${FORMAT} export needs ${memoryMiB} MiB of memory to open, which the browser refused. ` +
          'Close other tabs and try again, or export from Bitwarden as plain ".json", import that file, ' +
          'then delete it.',
      );
    });
    return stretchKey(key);
  }
  throw new ImportError(
    'not-recognised',
    `This ${FORMAT} export uses key derivation type ${JSON.stringify(file.kdfType)}; ` +
      'Tessera reads PBKDF2 (0) and Argon2id (1).',
  );
}

function encString(value: unknown, name: string): EncString {
  const parsed = parseEncString(value);
  if (!parsed) throw damaged(`${name} is not an encrypted value of type 2 (AES-CBC with HMAC)`);
  return parsed;
}

export const bitwardenEncrypted: Importer = {
  format: FORMAT,
  matches: (source) => jsonObject(source)?.encrypted === true,
  async parse(source, password) {
    const file = jsonObject(source)!;
    if (file.passwordProtected !== true) throw new ImportError('not-recognised', ACCOUNT_RESTRICTED);
    const validation = encString(file.encKeyValidation_DO_NOT_EDIT, 'encKeyValidation_DO_NOT_EDIT');
    const data = encString(file.data, 'data');
    const key = await passwordKey(file, requirePassword(password, FORMAT));
    if (!(await encStringAuthentic(validation, key))) throw wrongPassword(FORMAT);
    if (!(await encStringAuthentic(data, key))) throw damaged('its data does not match its checksum');
    let inner;
    try {
      inner = readImportSource(await decryptEncString(data, key, FORMAT));
    } catch (error) {
      throw error instanceof ImportError && error.code === 'empty'
        ? new ImportError('empty', `This ${FORMAT} export holds no account.`)
        : damaged('its data does not decrypt');
    }
    if (bitwardenJson.matches(inner)) return bitwardenJson.parse(inner);
    if (bitwardenCsv.matches(inner)) return bitwardenCsv.parse(inner);
    throw damaged('its data is neither Bitwarden JSON nor CSV');
  },
};
