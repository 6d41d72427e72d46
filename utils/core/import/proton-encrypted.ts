/**
 * Proton Authenticator's password-protected export: `{version: 1, salt, content}`, both base64.
 * The key is Argon2id (v1.3, 19 MiB, 2 passes, 1 lane, 32 bytes) of the password and the 16-byte
 * salt; `content` is a 12-byte nonce, then AES-256-GCM ciphertext and tag, with the associated
 * data "proton.authenticator.export.v1". Inside is the plain export, read by {@link proton}.
 * @see https://github.com/protonpass/proton-pass-common/blob/a72e06b305c11c24fb6de8a0e84b817398163e1f/proton-authenticator/src/entry/password_exporter.rs
 */
import { utf8 } from '../internal/bytes';
import { ImportError } from './import-error';
import { aesGcmDecrypt, argon2idKey, base64Field, decryptedJson } from './import-crypto';
import { jsonObject, requirePassword, type Importer } from './import-source';
import { proton } from './proton';

const FORMAT = 'Proton Authenticator';

export const PROTON_EXPORT_AAD = 'proton.authenticator.export.v1';
/** Argon2id cost of Proton's export key: 19 MiB, 2 passes, 1 lane (OWASP's minimum). */
export const PROTON_ARGON2 = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 } as const;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const SALT_BYTES = 16;

export const protonEncrypted: Importer = {
  format: FORMAT,
  matches: (source) => {
    const backup = jsonObject(source);
    return (
      backup !== undefined &&
      typeof backup.content === 'string' &&
      typeof backup.salt === 'string' &&
      'version' in backup &&
      !('entries' in backup)
    );
  },
  async parse(source, password) {
    const backup = jsonObject(source)!;
    if (backup.version !== 1)
      throw new ImportError(
        'not-recognised',
        `This ${FORMAT} export is version ${String(backup.version)}; Tessera reads version 1.`,
      );
    const salt = base64Field(backup.salt, FORMAT, 'salt');
    const content = base64Field(backup.content, FORMAT, 'content');
    if (salt.length !== SALT_BYTES || content.length < NONCE_BYTES + TAG_BYTES)
      throw new ImportError('malformed', `This ${FORMAT} export is damaged: its salt or content is cut short.`);
    const key = await argon2idKey(
      requirePassword(password, FORMAT),
      salt,
      PROTON_ARGON2.iterations,
      PROTON_ARGON2.memoryKiB,
      PROTON_ARGON2.parallelism,
    );
    const plain = await aesGcmDecrypt(
      key,
      content.subarray(0, NONCE_BYTES),
      content.subarray(NONCE_BYTES),
      FORMAT,
      utf8(PROTON_EXPORT_AAD),
    );
    const json = decryptedJson(plain, FORMAT);
    if (!Array.isArray((json as { entries?: unknown } | null)?.entries))
      throw new ImportError('malformed', `This ${FORMAT} export is damaged: it decrypts to no list of entries.`);
    return proton.parse({ bytes: plain, json });
  },
};
