/**
 * The synced key header `t.h` (issue 17): the local vault header's bytes 0-92 (magic to wrapped
 * data key, vault-format.ts), so a joining device opens the synced data, and later its own
 * vault, with the same passphrase and one data key. `k`, the key id, is the first 12 characters
 * of base64url(SHA-256(wrapped key)): a passphrase change wraps a fresh data key, so the id
 * changes, and areas written under the old key are told apart before any decryption.
 */
import { fromBase64, toBase64 } from '../internal/bytes';
import { ServiceError } from '../internal/service-error';
import { decodeWrappedKey, type WrappedKey } from '../vault/vault-crypto';
import { HEADER_BYTES, KEY_BYTES, TAG_BYTES, VAULT_MAGIC } from '../vault/vault-format';
import { SyncError } from './sync-error';
import { SYNC_FORMAT } from './sync-keys';

/** Bytes 0-92 of a vault header: magic, version, length, KDF, salt, wrap IV, wrapped key. */
export const SYNC_HEADER_BYTES = 93;
const WRAPPED_KEY_AT = SYNC_HEADER_BYTES - KEY_BYTES - TAG_BYTES;

/** The key id of a header (its wrapped data key). */
export async function syncKeyId(header: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', header.slice(WRAPPED_KEY_AT, SYNC_HEADER_BYTES)));
  return toBase64(digest).replace(/\+/g, '-').replace(/\//g, '_').slice(0, 12);
}

/** `t.h`'s value for a local vault header (or the whole vault blob: only bytes 0-92 are taken). */
export async function encodeSyncHeader(headerBytes: Uint8Array): Promise<string> {
  const header = headerBytes.slice(0, SYNC_HEADER_BYTES);
  if (header.length !== SYNC_HEADER_BYTES) throw new SyncError('sync-damaged', 'A vault header is 93 bytes or more.');
  return JSON.stringify({ f: SYNC_FORMAT, h: toBase64(header), k: await syncKeyId(header) });
}

/**
 * Reads `t.h`, checking it as a stored vault header is checked (format, KDF cost within bounds,
 * so a crafted header cannot make a joining device run Argon2id for a minute), and that the key
 * id is its own.
 * @returns `header`: the 93 bytes; `wrapped`: the KDF and wrapped key to unwrap with the passphrase.
 * @throws {SyncError} `sync-newer` from a newer Tessera, `sync-damaged` for anything else wrong.
 */
export async function decodeSyncHeader(
  value: unknown,
): Promise<{ header: Uint8Array<ArrayBuffer>; keyId: string; wrapped: WrappedKey }> {
  const damaged = (why: string) => new SyncError('sync-damaged', `The synced key header ${why}.`);
  let parsed: unknown;
  try {
    parsed = typeof value === 'string' ? JSON.parse(value) : undefined;
  } catch {
    throw damaged('is not readable');
  }
  if (typeof parsed !== 'object' || parsed === null) throw damaged('is not readable');
  const { f, h, k } = parsed as Record<string, unknown>;
  if (typeof f !== 'number' || !Number.isInteger(f) || f < 1) throw damaged('has no format');
  if (f > SYNC_FORMAT)
    throw new SyncError('sync-newer', `The synced vault comes from a newer Tessera (format ${f}). Update Tessera.`);
  if (typeof h !== 'string' || typeof k !== 'string') throw damaged('is incomplete');
  const header = fromBase64(h, () => damaged('is not base64'));
  if (header.length !== SYNC_HEADER_BYTES) throw damaged('has the wrong length');
  if (VAULT_MAGIC.some((byte, i) => header[i] !== byte)) throw damaged('is not a Tessera header');
  let wrapped: WrappedKey;
  try {
    const padded = new Uint8Array(HEADER_BYTES);
    padded.set(header);
    wrapped = decodeWrappedKey(padded);
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'unsupported-version')
      throw new SyncError('sync-newer', error.message);
    throw damaged(error instanceof Error ? `is refused: ${error.message}` : 'is refused');
  }
  if ((await syncKeyId(header)) !== k) throw damaged('does not match its key id');
  return { header, keyId: k, wrapped };
}
