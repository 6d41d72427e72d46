/**
 * The helper's key derivation: Argon2id (RFC 9106) through hash-wasm's WebAssembly, one
 * synchronous call that takes about half a second at the vault's cost. Here it blocks only the
 * helper's Worker, so the background keeps answering the popup while a passphrase is checked.
 */
import { fromBase64, toBase64 } from '../core/internal/bytes';
import { hashWasmArgon2id } from '../core/vault/hash-wasm-argon2id';
import { defineChunk } from './define-chunk';

export default defineChunk('kdf', {
  async argon2id({ password, salt, ...cost }) {
    return toBase64(await hashWasmArgon2id({ password: fromBase64(password), salt: fromBase64(salt), ...cost }));
  },
});
