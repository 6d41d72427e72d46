/**
 * Ente Auth's encrypted export: `{version: 1, kdfParams: {memLimit, opsLimit, salt},
 * encryptedData, encryptionNonce}`. The key is libsodium's crypto_pwhash (Argon2id v1.3, one lane,
 * `memLimit` bytes, `opsLimit` passes, 16-byte salt), run here by hash-wasm; the data is one
 * crypto_secretstream_xchacha20poly1305 message whose header is `encryptionNonce`, opened by
 * libsodium itself. Inside is the
 * plain export: one Key URI a line, read like any {@link otpauthList}.
 * @see https://github.com/ente-io/ente/blob/main/docs/docs/auth/migration/export.md (the format)
 * @see https://github.com/protonpass/proton-pass-common/blob/0ed0a269be460bada538a5b5d58a1ddae79a238b/proton-authenticator/src/parser/ente/encrypted.rs (another reader)
 */
import { ImportError } from './import-error';
import { argon2idKey, base64Field, SECRETSTREAM, secretstreamPull, wrongPassword } from './import-crypto';
import { field } from './imported';
import { jsonObject, requirePassword, type Importer } from './import-source';
import { kdfSetting, tooCostly } from './kdf-limit';
import { otpauthList } from './otpauth-list';

const FORMAT = 'Ente Auth';

/** libsodium's crypto_pwhash bounds for Argon2id: at least 8 KiB and 1 pass; 16-byte salts. */
const MIN_MEM_BYTES = 8192;
const SALT_BYTES = 16;
/**
 * Ente derives with libsodium's "sensitive" cost (crypto_pwhash_MEMLIMIT_SENSITIVE 1 GiB,
 * OPSLIMIT_SENSITIVE 4 passes) and, where a phone cannot, halves the memory and doubles the
 * passes: the product stays 4 GiB·passes (Ente's deriveSensitiveKey). That is Ente's published
 * maximum, taken as the limit: 4x of it would not fit WebAssembly's memory. A file asking for more
 * is not Ente's, and is refused before deriving (kdf-limit.ts).
 */
export const ENTE_LIMITS = { memBytes: 1024 ** 3, kibPasses: 4 * 1024 ** 2 } as const;

export const enteEncrypted: Importer = {
  format: FORMAT,
  matches: (source) => {
    const backup = jsonObject(source);
    return backup !== undefined && 'kdfParams' in backup && 'encryptedData' in backup;
  },
  async parse(source, password) {
    const backup = jsonObject(source)!;
    if (backup.version !== 1)
      throw new ImportError(
        'not-recognised',
        `This ${FORMAT} export is version ${String(backup.version)}; Tessera reads version 1.`,
      );
    const params = field<Record<string, unknown>>(backup, 'kdfParams', 'object', FORMAT);
    const memLimit = kdfSetting(FORMAT, 'Argon2 memLimit', params.memLimit, ENTE_LIMITS.memBytes, MIN_MEM_BYTES);
    const opsLimit = kdfSetting(FORMAT, 'Argon2 opsLimit', params.opsLimit, ENTE_LIMITS.kibPasses);
    const memoryKiB = Math.floor(memLimit / 1024);
    if (memoryKiB * opsLimit > ENTE_LIMITS.kibPasses)
      throw tooCostly(FORMAT, 'Argon2 work (memLimit in KiB x opsLimit)', memoryKiB * opsLimit, ENTE_LIMITS.kibPasses);
    const salt = base64Field(params.salt, FORMAT, 'salt');
    const header = base64Field(backup.encryptionNonce, FORMAT, 'nonce');
    const data = base64Field(backup.encryptedData, FORMAT, 'data');
    if (salt.length !== SALT_BYTES || header.length !== SECRETSTREAM.headerBytes || data.length < SECRETSTREAM.aBytes)
      throw new ImportError('malformed', `This ${FORMAT} export is damaged: its salt, nonce or data is cut short.`);
    const key = await argon2idKey(requirePassword(password, FORMAT), salt, opsLimit, memoryKiB, 1).catch(() => {
      // WebAssembly could not have the memory Ente asked for (up to 1 GiB): not a damaged file.
      throw new ImportError(
        'malformed',
        `This ${FORMAT} export needs ${Math.round(memoryKiB / 1024)} MiB of memory to open, ` +
          'which the browser refused. Close other tabs and try again, or export from Ente Auth ' +
          'without a password, import that file, then delete it.',
      );
    });
    const opened = await secretstreamPull(key, header, data);
    if (!opened) throw wrongPassword(FORMAT);
    if (opened.tag !== SECRETSTREAM.tagFinal && opened.tag !== SECRETSTREAM.tagMessage)
      throw new ImportError('malformed', `This ${FORMAT} export is damaged: its data is not one whole message.`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(opened.message);
    } catch {
      throw new ImportError('malformed', `This ${FORMAT} export is damaged: its data is not text.`);
    }
    if (text.trim() === '') throw new ImportError('empty', `This ${FORMAT} export holds no account.`);
    const inner = { bytes: opened.message, text };
    if (!otpauthList.matches(inner))
      throw new ImportError('malformed', `This ${FORMAT} export is damaged: it decrypts to no otpauth:// links.`);
    return { ...(await otpauthList.parse(inner)), format: FORMAT };
  },
};
