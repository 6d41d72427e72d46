/**
 * An area's bytes: compressed (DEFLATE, RFC 1951, through the platform's CompressionStream),
 * then encrypted with AES-256-GCM (WebCrypto) under the vault's data key with a random 96-bit IV.
 * The additional data binds the ciphertext to its place, "TSRS" | format | device | key id | seq,
 * so an area copied under another device's name, chunks of an older write mixed into a newer
 * one's meta (another seq), or an area kept across a passphrase change fails its tag instead of
 * being merged. A whole older area put back (meta and chunks of one write) does decrypt: that is
 * harmless, as merging only moves each register forward, so old records change nothing.
 */
import { concatBytes, utf8 } from '../internal/bytes';
import { IV_BYTES } from '../vault/vault-format';

/** Decompressed areas larger than this are refused: 100 KB of quota never holds more. */
export const MAX_AREA_PLAINTEXT = 8 * 1024 * 1024;

export type SyncKey = Uint8Array<ArrayBuffer> | CryptoKey;

async function aesKey(key: SyncKey): Promise<CryptoKey> {
  return key instanceof Uint8Array
    ? crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt'])
    : key;
}

export function areaAdditionalData(
  format: number,
  device: string,
  keyId: string,
  seq: number,
): Uint8Array<ArrayBuffer> {
  return concatBytes(utf8('TSRS'), new Uint8Array([format]), utf8(`${device}\n${keyId}\n${seq}`));
}

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit: number) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new RangeError('too large');
    }
    parts.push(value);
  }
  return concatBytes(...parts);
}

/** IV | ciphertext | tag. */
export async function sealArea(
  plaintext: Uint8Array<ArrayBuffer>,
  key: SyncKey,
  additionalData: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const compressed = await pipe(plaintext, new CompressionStream('deflate-raw'), Infinity);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, await aesKey(key), compressed);
  return concatBytes(iv, new Uint8Array(sealed));
}

/** @throws when the tag is wrong (another key, changed bytes, another place) or the inflate fails. */
export async function openArea(
  sealed: Uint8Array<ArrayBuffer>,
  key: SyncKey,
  additionalData: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = sealed.slice(0, IV_BYTES);
  const compressed = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv, additionalData },
    await aesKey(key),
    sealed.slice(IV_BYTES),
  );
  return pipe(new Uint8Array(compressed), new DecompressionStream('deflate-raw'), MAX_AREA_PLAINTEXT);
}
