/**
 * Opens one message of libsodium's crypto_secretstream_xchacha20poly1305 (Ente Auth's encrypted
 * export is one such message, pushed with TAG_FINAL). The primitives are @noble/ciphers' (pure
 * JavaScript: no eval, no WebAssembly, nothing fetched): HChaCha20, ChaCha20 (IETF), Poly1305
 * and its constant-time compare. This file only lays the message out as libsodium's pull does:
 * - key' = HChaCha20(key, header[0..16]); nonce = LE32(1) || header[16..24];
 * - block counter 0 gives the Poly1305 key; a 64-byte block holding the tag byte is encrypted
 *   at counter 1 (the file keeps only its first byte: the other 63 are keystream, recomputed);
 *   the message is encrypted from counter 2;
 * - the MAC covers that block, the ciphertext, `mlen mod 16` zero bytes (libsodium's padding,
 *   which is not RFC 8439's, so noble's AEAD cannot be used whole), LE64(0), LE64(64 + mlen).
 * secretstream.test.ts checks this against libsodium itself (libsodium-wrappers-sumo).
 * @see https://doc.libsodium.org/secret-key_cryptography/secretstream (the construction)
 * @see https://github.com/jedisct1/libsodium/blob/master/src/libsodium/crypto_secretstream/xchacha20poly1305/secretstream_xchacha20poly1305.c
 */
import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { chacha20, hchacha } from '@noble/ciphers/chacha.js';
import { equalBytes, u32, u8 } from '@noble/ciphers/utils.js';
import { concatBytes } from '../internal/bytes';

export const SECRETSTREAM_HEADER_BYTES = 24;
/** The tag byte and Poly1305's 16 bytes. */
export const SECRETSTREAM_ABYTES = 17;
export const SECRETSTREAM_TAG_MESSAGE = 0;
export const SECRETSTREAM_TAG_FINAL = 3;

const SIGMA = new TextEncoder().encode('expand 32-byte k');

export interface SecretstreamMessage {
  message: Uint8Array;
  tag: number;
}

/**
 * The first message of a stream, or null when it is not authentic (a wrong key, or damage).
 * @throws {RangeError} when the header or message has an impossible length.
 */
export function secretstreamOpen(key: Uint8Array, header: Uint8Array, data: Uint8Array): SecretstreamMessage | null {
  if (key.length !== 32 || header.length !== SECRETSTREAM_HEADER_BYTES)
    throw new RangeError('secretstream key or header has the wrong length');
  if (data.length < SECRETSTREAM_ABYTES) throw new RangeError('secretstream message is too short');
  const subkeyWords = new Uint32Array(8);
  hchacha(u32(SIGMA.slice()), u32(key.slice()), u32(header.slice(0, 16)), subkeyWords);
  const subkey = u8(subkeyWords);
  const nonce = concatBytes(Uint8Array.of(1, 0, 0, 0), header.subarray(16, 24));
  const mlen = data.length - SECRETSTREAM_ABYTES;
  const polyKey = chacha20(subkey, nonce, new Uint8Array(32), undefined, 0);
  const block = chacha20(subkey, nonce, new Uint8Array(64), undefined, 1);
  const tag = block[0]! ^ data[0]!;
  block[0] = data[0]!;
  const ciphertext = data.subarray(1, 1 + mlen);
  const lengths = new Uint8Array(16);
  new DataView(lengths.buffer).setBigUint64(8, BigInt(64 + mlen), true);
  const mac = poly1305(concatBytes(block, ciphertext, new Uint8Array(mlen & 0xf), lengths), polyKey);
  if (!equalBytes(mac, data.subarray(1 + mlen))) return null;
  return { tag, message: chacha20(subkey, nonce, ciphertext, undefined, 2) };
}
