/**
 * Argon2id through hash-wasm's WebAssembly, in the calling thread: for the helper's chunks, and
 * for tests and tools that run in Node (vault-crypto.ts, `setArgon2id`).
 */
import { argon2id } from 'hash-wasm';
import type { Argon2id } from './vault-crypto';

export const hashWasmArgon2id: Argon2id = async ({ password, salt, memoryKiB, iterations, parallelism, hashLength }) =>
  new Uint8Array(
    await argon2id({
      password,
      salt,
      memorySize: memoryKiB,
      iterations,
      parallelism,
      hashLength,
      outputType: 'binary',
    }),
  );
