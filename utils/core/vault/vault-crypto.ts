/**
 * Envelope encryption for the vault (INTERNALS.md, "The vault"): a random 256-bit data key
 * encrypts the contents with AES-256-GCM, a fresh 96-bit IV per write and the header as additional
 * data; the data key is wrapped with a key derived from the passphrase by Argon2id (RFC 9106).
 * Changing the passphrase rotates the data key: the contents are re-encrypted under a fresh one, so
 * an old backup and the old passphrase give a key that opens nothing written since. WebCrypto does
 * AES-GCM; Argon2id runs where `setArgon2id` says (below).
 */
import { bytesEqual, concatBytes, utf8 } from '../internal/bytes';
import {
  CHECKSUM_BYTES,
  DEFAULT_KDF,
  IV_BYTES,
  KEY_BYTES,
  SALT_BYTES,
  VAULT_FORMAT_VERSION,
  decodeHeader,
  encodeHeader,
  headerExtent,
  keyAdditionalData,
  type KdfCost,
  type KdfParams,
  type VaultHeader,
} from './vault-format';
import { ServiceError } from '../internal/service-error';

const subtle = globalThis.crypto.subtle;

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** A new 256-bit data key. */
export function newDataKey(): Uint8Array<ArrayBuffer> {
  return randomBytes(KEY_BYTES);
}

export function newKdfParams(cost: KdfCost = DEFAULT_KDF): KdfParams {
  return { ...cost, salt: randomBytes(SALT_BYTES) };
}

async function aesKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** Argon2id (RFC 9106) of a passphrase's bytes. */
export type Argon2id = (input: {
  password: Uint8Array<ArrayBuffer>;
  salt: Uint8Array<ArrayBuffer>;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  hashLength: number;
}) => Promise<Uint8Array<ArrayBuffer>>;

let argon2id: Argon2id = () => Promise.reject(new Error('Argon2id is not set up (setArgon2id).'));

/**
 * Where Argon2id runs. The service worker hands it to the helper (utils/helper/helper-argon2id.ts),
 * so its half second of WebAssembly neither blocks the worker nor loads on every wake; the
 * helper's chunks, tests and tools run hash-wasm in place (hash-wasm-argon2id.ts).
 */
export function setArgon2id(implementation: Argon2id): void {
  argon2id = implementation;
}

async function passphraseKey(passphrase: string, kdf: KdfParams): Promise<CryptoKey> {
  const derived = await argon2id({
    password: utf8(passphrase.normalize('NFC')),
    salt: kdf.salt,
    memoryKiB: kdf.memoryKiB,
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    hashLength: KEY_BYTES,
  });
  return aesKey(derived);
}

async function checksum(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle.digest('SHA-256', bytes)).slice(0, CHECKSUM_BYTES);
}

/** Verifies the header checksum, then reads the header. */
export async function readHeader(
  blob: Uint8Array<ArrayBuffer>,
): Promise<{ header: VaultHeader; headerBytes: Uint8Array<ArrayBuffer> }> {
  const { headerLength } = headerExtent(blob);
  const headerBytes = blob.slice(0, headerLength);
  const stored = headerBytes.slice(headerLength - CHECKSUM_BYTES);
  if (!bytesEqual(stored, await checksum(headerBytes.slice(0, headerLength - CHECKSUM_BYTES)))) {
    throw new ServiceError('vault-damaged', 'The vault header is damaged.');
  }
  return { header: decodeHeader(blob), headerBytes };
}

export interface WrappedKey {
  kdf: KdfParams;
  wrapIv: Uint8Array<ArrayBuffer>;
  wrappedKey: Uint8Array<ArrayBuffer>;
}

/** A key derived from a passphrase and KDF parameters: wraps data keys without running Argon2id again. */
export interface PassphraseWrapper {
  kdf: KdfParams;
  wrap(dataKey: Uint8Array<ArrayBuffer>): Promise<WrappedKey>;
}

/** Derives the passphrase key once (Argon2id); each wrap binds the KDF parameters as additional data. */
export async function passphraseWrapper(passphrase: string, kdf: KdfParams): Promise<PassphraseWrapper> {
  const key = await passphraseKey(passphrase, kdf);
  return { kdf, wrap: (dataKey) => wrapWith(key, kdf, dataKey) };
}

async function wrapWith(key: CryptoKey, kdf: KdfParams, dataKey: Uint8Array<ArrayBuffer>): Promise<WrappedKey> {
  const wrapIv = randomBytes(IV_BYTES);
  const aad = keyAdditionalData(
    encodeHeader({ version: VAULT_FORMAT_VERSION, kdf, wrapIv, wrappedKey: new Uint8Array(48), revision: 0 }),
  );
  const wrappedKey = new Uint8Array(
    await subtle.encrypt({ name: 'AES-GCM', iv: wrapIv, additionalData: aad }, key, dataKey),
  );
  return { kdf, wrapIv, wrappedKey };
}

/** Wraps the data key under a passphrase, binding the KDF parameters as additional data. */
export async function wrapDataKey(
  dataKey: Uint8Array<ArrayBuffer>,
  passphrase: string,
  kdf: KdfParams,
): Promise<WrappedKey> {
  return (await passphraseWrapper(passphrase, kdf)).wrap(dataKey);
}

/**
 * Unwraps the data key, and keeps the passphrase key so that other keys (a backup's own) can be
 * wrapped under the same passphrase without a second Argon2id run.
 * @throws {ServiceError} `wrong-passphrase`, or `vault-damaged` / `unsupported-version` from the header.
 */
export async function unlockDataKey(
  blob: Uint8Array<ArrayBuffer>,
  passphrase: string,
): Promise<{ dataKey: Uint8Array<ArrayBuffer>; wrapper: PassphraseWrapper }> {
  const { header } = await readHeader(blob);
  return unlockWrappedKey(header, passphrase);
}

/**
 * Unwraps a wrapped key that comes without a vault around it (the synced key header, issue 17):
 * the additional data is rebuilt from the KDF parameters as `wrapWith` made it.
 * @throws {ServiceError} `wrong-passphrase`.
 */
export async function unlockWrappedKey(
  wrapped: WrappedKey,
  passphrase: string,
): Promise<{ dataKey: Uint8Array<ArrayBuffer>; wrapper: PassphraseWrapper }> {
  const key = await passphraseKey(passphrase, wrapped.kdf);
  try {
    const aad = keyAdditionalData(encodeWrappedKey(wrapped));
    const dataKey = new Uint8Array(
      await subtle.decrypt({ name: 'AES-GCM', iv: wrapped.wrapIv, additionalData: aad }, key, wrapped.wrappedKey),
    );
    return { dataKey, wrapper: { kdf: wrapped.kdf, wrap: (other) => wrapWith(key, wrapped.kdf, other) } };
  } catch {
    throw new ServiceError('wrong-passphrase', 'That passphrase is not right.');
  }
}

/** @throws {ServiceError} `wrong-passphrase`, or `vault-damaged` / `unsupported-version` from the header. */
export async function unwrapDataKey(
  blob: Uint8Array<ArrayBuffer>,
  passphrase: string,
): Promise<Uint8Array<ArrayBuffer>> {
  return (await unlockDataKey(blob, passphrase)).dataKey;
}

/** Encrypts the contents under the data key with a fresh IV; the header is the additional data. */
export async function sealVault(
  plaintext: Uint8Array<ArrayBuffer>,
  dataKey: Uint8Array<ArrayBuffer>,
  wrapped: WrappedKey,
  revision: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const header = encodeHeader({ version: VAULT_FORMAT_VERSION, ...wrapped, revision });
  header.set(await checksum(header.slice(0, header.length - CHECKSUM_BYTES)), header.length - CHECKSUM_BYTES);
  const iv = randomBytes(IV_BYTES);
  const ciphertext = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: header },
    await aesKey(dataKey),
    plaintext,
  );
  return concatBytes(header, iv, new Uint8Array(ciphertext));
}

export interface OpenedVault {
  header: VaultHeader;
  plaintext: Uint8Array<ArrayBuffer>;
}

/** @throws {ServiceError} `vault-damaged` when any byte was changed, `unsupported-version` for a newer format. */
export async function openVault(blob: Uint8Array<ArrayBuffer>, dataKey: Uint8Array<ArrayBuffer>): Promise<OpenedVault> {
  const { header, headerBytes } = await readHeader(blob);
  const iv = blob.slice(headerBytes.length, headerBytes.length + IV_BYTES);
  try {
    const plaintext = await subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: headerBytes },
      await aesKey(dataKey),
      blob.slice(headerBytes.length + IV_BYTES),
    );
    return { header, plaintext: new Uint8Array(plaintext) };
  } catch {
    throw new ServiceError('vault-damaged', 'The vault could not be decrypted: it is damaged or was changed.');
  }
}

/** The key-wrapping part of a stored vault, to carry over into the next write. */
export async function wrappedKeyOf(blob: Uint8Array<ArrayBuffer>): Promise<WrappedKey> {
  const { header } = await readHeader(blob);
  return { kdf: header.kdf, wrapIv: header.wrapIv, wrappedKey: header.wrappedKey };
}

/** A wrapped key as bytes (a header with revision 0), to keep it in session storage. */
export function encodeWrappedKey(wrapped: WrappedKey): Uint8Array<ArrayBuffer> {
  return encodeHeader({ version: VAULT_FORMAT_VERSION, ...wrapped, revision: 0 });
}

/** @throws {ServiceError} `vault-damaged` when the bytes are not a wrapped key. */
export function decodeWrappedKey(bytes: Uint8Array<ArrayBuffer>): WrappedKey {
  const { kdf, wrapIv, wrappedKey } = decodeHeader(bytes);
  return { kdf, wrapIv, wrappedKey };
}
