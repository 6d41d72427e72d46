/**
 * Bitwarden's EncString type 2 ("2.iv|ciphertext|mac", each base64): AES-256-CBC with PKCS#7
 * padding, then HMAC-SHA256 over iv || ciphertext (encrypt-then-MAC). The 64-byte key is a
 * password key stretched by HKDF-Expand into an encryption key ("enc") and a MAC key ("mac").
 * Everything runs on WebCrypto.
 * @see https://github.com/bitwarden/clients/blob/main/libs/common/src/key-management/crypto/models/enc-string.ts
 * @see https://bitwarden.com/help/bitwarden-security-white-paper/ (key stretching, encryption type 2)
 */
import { concatBytes, fromBase64, utf8 } from '../internal/bytes';
import { aesCbcDecrypt } from './import-crypto';

const subtle = globalThis.crypto.subtle;
const buffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

export interface StretchedKey {
  encKey: Uint8Array;
  macKey: Uint8Array;
}

export interface EncString {
  iv: Uint8Array;
  data: Uint8Array;
  mac: Uint8Array;
}

async function hmacKey(key: Uint8Array, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return subtle.importKey('raw', buffer(key), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/**
 * HKDF-Expand (RFC 5869 §2.3) for an output of one hash length: T(1) = HMAC(PRK, info || 0x01).
 * WebCrypto's HKDF always runs the extract step first, which Bitwarden's key stretching skips.
 */
export async function hkdfExpand32(prk: Uint8Array, info: Uint8Array): Promise<Uint8Array> {
  const key = await hmacKey(prk, 'sign');
  return new Uint8Array(await subtle.sign('HMAC', key, buffer(concatBytes(info, Uint8Array.of(1)))));
}

/** Bitwarden's stretchKey: a 32-byte password key to its encryption and MAC keys. */
export async function stretchKey(key: Uint8Array): Promise<StretchedKey> {
  return { encKey: await hkdfExpand32(key, utf8('enc')), macKey: await hkdfExpand32(key, utf8('mac')) };
}

/** A type 2 EncString, or undefined when the text is not one (another type, not base64, bad lengths). */
export function parseEncString(text: unknown): EncString | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^2\.([^|]+)\|([^|]+)\|([^|]+)$/.exec(text.trim());
  if (!match) return undefined;
  try {
    const [iv, data, mac] = match.slice(1).map((part) => fromBase64(part));
    if (iv!.length !== 16 || data!.length === 0 || data!.length % 16 !== 0 || mac!.length !== 32) return undefined;
    return { iv: iv!, data: data!, mac: mac! };
  } catch {
    return undefined;
  }
}

/** Checks the MAC (in constant time, by WebCrypto's verify); false means the key is wrong or the text changed. */
export async function encStringAuthentic(value: EncString, key: StretchedKey): Promise<boolean> {
  const verifier = await hmacKey(key.macKey, 'verify');
  return subtle.verify('HMAC', verifier, buffer(value.mac), buffer(concatBytes(value.iv, value.data)));
}

/**
 * The plaintext of an authentic EncString (check {@link encStringAuthentic} first).
 * @throws {ImportError} `wrong-password` naming the format when the padding is wrong.
 */
export function decryptEncString(value: EncString, key: StretchedKey, format: string): Promise<Uint8Array> {
  return aesCbcDecrypt(key.encKey, value.iv, value.data, format);
}
