/**
 * The cryptography other authenticators' encrypted exports need: WebCrypto for AES-GCM, AES-CBC,
 * PBKDF2 and SHA-256; hash-wasm for scrypt and Argon2id, which WebCrypto lacks; libsodium itself
 * (libsodium-wrappers, WebAssembly) for Ente's crypto_secretstream. Nothing here is written by
 * hand. A failed decryption is a wrong password (or a damaged file): GCM's tag and CBC's padding
 * cannot tell the two apart.
 */
import { argon2id, scrypt } from 'hash-wasm';
import { fromBase64, utf8 } from '../internal/bytes';
import { ImportError } from './import-error';

const subtle = globalThis.crypto.subtle;

const buffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

export function wrongPassword(format: string): ImportError {
  return new ImportError('wrong-password', `Wrong password for this ${format} export (or the file is damaged).`);
}

export async function aesGcmDecrypt(
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
  format: string,
  additionalData?: Uint8Array,
): Promise<Uint8Array> {
  try {
    const cryptoKey = await subtle.importKey('raw', buffer(key), 'AES-GCM', false, ['decrypt']);
    const params = {
      name: 'AES-GCM',
      iv: buffer(iv),
      ...(additionalData ? { additionalData: buffer(additionalData) } : {}),
    };
    return new Uint8Array(await subtle.decrypt(params, cryptoKey, buffer(data)));
  } catch {
    throw wrongPassword(format);
  }
}

/** AES-GCM encryption for exports (Aegis): ciphertext with the 16-byte tag appended, as WebCrypto gives it. */
export async function aesGcmEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle.importKey('raw', buffer(key), 'AES-GCM', false, ['encrypt']);
  return new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: buffer(iv) }, cryptoKey, buffer(data)));
}

export async function aesCbcDecrypt(
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
  format: string,
): Promise<Uint8Array> {
  try {
    const cryptoKey = await subtle.importKey('raw', buffer(key), 'AES-CBC', false, ['decrypt']);
    return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv: buffer(iv) }, cryptoKey, buffer(data)));
  } catch {
    throw wrongPassword(format);
  }
}

export async function pbkdf2(
  password: string,
  salt: Uint8Array,
  iterations: number,
  hash: 'SHA-1' | 'SHA-256' | 'SHA-512',
  bits = 256,
): Promise<Uint8Array> {
  const material = await subtle.importKey('raw', utf8(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(
    await subtle.deriveBits({ name: 'PBKDF2', salt: buffer(salt), iterations, hash }, material, bits),
  );
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest('SHA-256', buffer(bytes)));
}

export function scryptKey(password: string, salt: Uint8Array, n: number, r: number, p: number): Promise<Uint8Array> {
  return scrypt({
    password: utf8(password),
    salt,
    costFactor: n,
    blockSize: r,
    parallelism: p,
    hashLength: 32,
    outputType: 'binary',
  });
}

export function argon2idKey(
  password: string,
  salt: Uint8Array,
  iterations: number,
  memoryKiB: number,
  parallelism: number,
): Promise<Uint8Array> {
  return argon2id({
    password: utf8(password),
    salt,
    iterations,
    memorySize: memoryKiB,
    parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
}

/**
 * libsodium's crypto_secretstream_xchacha20poly1305 sizes and tags, from its header (stable since
 * 1.0.14; import-crypto.test.ts compares them with libsodium's own): a 24-byte header; each message
 * grows by its tag byte and a 16-byte MAC.
 * @see https://doc.libsodium.org/secret-key_cryptography/secretstream
 */
export const SECRETSTREAM = { headerBytes: 24, aBytes: 17, tagMessage: 0, tagFinal: 3 } as const;

/**
 * The first message of a crypto_secretstream_xchacha20poly1305 stream and its tag, opened by
 * libsodium's own init_pull and pull; null when it is not authentic (a wrong key, or damage).
 * Lengths are the caller's to check first (SECRETSTREAM): libsodium throws on impossible ones.
 * Imported on first use: the bundler then wraps libsodium in a function run here, so a starting
 * worker does not compile its WebAssembly (the static import ran it at every start).
 */
export async function secretstreamPull(
  key: Uint8Array,
  header: Uint8Array,
  data: Uint8Array,
): Promise<{ message: Uint8Array; tag: number } | null> {
  const { default: sodium } = await import('libsodium-wrappers');
  await sodium.ready;
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  return sodium.crypto_secretstream_xchacha20poly1305_pull(state, data, null) || null;
}

export function toHex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The bytes of a base64 field of an export, or a `malformed` error naming the field. */
export function base64Field(value: unknown, format: string, name: string): Uint8Array {
  const damaged = () => new ImportError('malformed', `This ${format} export is damaged: its ${name} is not base64.`);
  if (typeof value !== 'string') throw damaged();
  return fromBase64(value, damaged);
}

export function hexBytes(hex: unknown, format: string): Uint8Array {
  if (typeof hex !== 'string' || !/^(?:[0-9a-f]{2})*$/i.test(hex))
    throw new ImportError('malformed', `This ${format} export is damaged: a hex value is not hex.`);
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

/** UTF-8 JSON from decrypted bytes; anything else means the password was wrong or the file damaged. */
export function decryptedJson(bytes: Uint8Array, format: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw wrongPassword(format);
  }
}
