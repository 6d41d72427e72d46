/**
 * The stored vault, byte by byte. Every format version starts with the same three fields (magic,
 * version, header length) and ends its header with a checksum, so a reader can tell damage from a
 * newer format before it interprets anything else. Format version 1:
 *
 *   0  "TSRV" magic              4      33 wrap IV                    12
 *   4  format version (1)        1      45 wrapped data key           48 (32 + GCM tag)
 *   5  header length (u16 BE)    2      93 revision (u64 BE)           8
 *   7  KDF id (1 = Argon2id)     1     101 checksum                    8 (SHA-256 of bytes 0-100, first 8)
 *   8  memory, KiB (u32 BE)      4     109 IV                         12
 *  12  iterations (u32 BE)       4     121 ciphertext + GCM tag
 *  16  parallelism               1
 *  17  salt                     16
 *
 * The whole header is AES-GCM additional data for the ciphertext, and bytes 0-32 for the wrapped
 * key, so no byte can change unnoticed. The checksum only tells accidental damage (a flipped bit)
 * from a wrong passphrase, so a damaged header falls back to the previous generation instead of
 * asking for the passphrase again; the GCM tags are what stop deliberate tampering.
 */
import { ServiceError } from '../internal/service-error';

export const VAULT_MAGIC = [0x54, 0x53, 0x52, 0x56]; // "TSRV"
export const VAULT_FORMAT_VERSION = 1;
export const KDF_ARGON2ID = 1;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const KEY_BYTES = 32;
export const TAG_BYTES = 16;
export const CHECKSUM_BYTES = 8;
export const HEADER_BYTES = 109;

const WRAP_IV_AT = 33;
const WRAPPED_KEY_AT = 45;
const REVISION_AT = 93;

/** Argon2id cost; RFC 9106 §4 "second recommended option": 64 MiB, 3 passes, 4 lanes. */
export interface KdfParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: Uint8Array<ArrayBuffer>;
}

export type KdfCost = Omit<KdfParams, 'salt'>;
export const DEFAULT_KDF: KdfCost = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 4 };

/**
 * What a stored header or a backup may ask for: at most 4x the defaults (parallelism: 16 lanes),
 * so a crafted file cannot hold the worker for a minute and a gigabyte before anything is checked
 * (issue 15, "Bounded KDF parameters"). The floors are Argon2's own (RFC 9106 §3.1).
 */
export const KDF_LIMITS = {
  memoryKiB: [8, 4 * DEFAULT_KDF.memoryKiB],
  iterations: [1, 4 * DEFAULT_KDF.iterations],
  parallelism: [1, 4 * DEFAULT_KDF.parallelism],
} as const;

const KDF_NAMES = { memoryKiB: 'memory (KiB)', iterations: 'passes', parallelism: 'parallelism' } as const;

/** A header whose checksum is right but whose Argon2id cost is out of bounds: refused before any KDF runs. */
export class KdfLimitError extends ServiceError {
  constructor(
    readonly parameter: keyof typeof KDF_LIMITS,
    value: number,
  ) {
    super(
      'vault-damaged',
      `Argon2id ${KDF_NAMES[parameter]} ${value} is out of bounds ` +
        `(Tessera accepts ${KDF_LIMITS[parameter][0]} to ${KDF_LIMITS[parameter][1]}).`,
    );
  }
}

export interface VaultHeader {
  version: number;
  kdf: KdfParams;
  wrapIv: Uint8Array<ArrayBuffer>;
  wrappedKey: Uint8Array<ArrayBuffer>;
  revision: number;
}

/** The header without its checksum (the last 8 bytes stay zero until the checksum is set). */
export function encodeHeader(header: VaultHeader): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(VAULT_MAGIC, 0);
  bytes[4] = header.version;
  view.setUint16(5, HEADER_BYTES);
  bytes[7] = KDF_ARGON2ID;
  view.setUint32(8, header.kdf.memoryKiB);
  view.setUint32(12, header.kdf.iterations);
  bytes[16] = header.kdf.parallelism;
  bytes.set(header.kdf.salt, 17);
  bytes.set(header.wrapIv, WRAP_IV_AT);
  bytes.set(header.wrappedKey, WRAPPED_KEY_AT);
  view.setBigUint64(REVISION_AT, BigInt(header.revision));
  return bytes;
}

/** Where the checksum sits and what it covers, read from the fields every version shares. */
export function headerExtent(blob: Uint8Array<ArrayBuffer>): { headerLength: number } {
  const headerLength = blob.length >= 7 ? new DataView(blob.buffer, blob.byteOffset).getUint16(5) : 0;
  if (
    VAULT_MAGIC.some((byte, i) => blob[i] !== byte) ||
    headerLength < 7 + CHECKSUM_BYTES ||
    blob.length < headerLength + IV_BYTES + TAG_BYTES
  ) {
    throw new ServiceError('vault-damaged', 'The stored vault is not a Tessera vault, or it is cut short.');
  }
  return { headerLength };
}

/**
 * Interprets a header whose checksum has been verified: refuses a newer format and KDF costs out
 * of range.
 */
export function decodeHeader(blob: Uint8Array<ArrayBuffer>): VaultHeader {
  const version = blob[4]!;
  if (version > VAULT_FORMAT_VERSION) {
    throw new ServiceError(
      'unsupported-version',
      `This vault was written by a newer Tessera (format ${version}). Update Tessera to open it.`,
    );
  }
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const kdf: KdfParams = {
    memoryKiB: view.getUint32(8),
    iterations: view.getUint32(12),
    parallelism: blob[16]!,
    salt: blob.slice(17, 17 + SALT_BYTES),
  };
  const outOfRange = (Object.keys(KDF_LIMITS) as (keyof typeof KDF_LIMITS)[]).find(
    (name) => !(kdf[name] >= KDF_LIMITS[name][0] && kdf[name] <= KDF_LIMITS[name][1]),
  );
  if (outOfRange) throw new KdfLimitError(outOfRange, kdf[outOfRange]);
  // Argon2 needs at least 8 KiB per lane (RFC 9106 §3.1).
  const valid =
    version === 1 &&
    view.getUint16(5) === HEADER_BYTES &&
    blob[7] === KDF_ARGON2ID &&
    kdf.memoryKiB >= 8 * kdf.parallelism;
  if (!valid) throw new ServiceError('vault-damaged', 'The vault header is damaged.');
  return {
    version,
    kdf,
    wrapIv: blob.slice(WRAP_IV_AT, WRAP_IV_AT + IV_BYTES),
    wrappedKey: blob.slice(WRAPPED_KEY_AT, WRAPPED_KEY_AT + KEY_BYTES + TAG_BYTES),
    revision: Number(view.getBigUint64(REVISION_AT)),
  };
}

/** The bytes that bind the wrapped data key to the KDF parameters and salt (GCM additional data). */
export function keyAdditionalData(blob: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  return blob.slice(0, WRAP_IV_AT);
}
