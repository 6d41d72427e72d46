/** Tests run Argon2id in place (utils/core/vault/vault-crypto.ts, `setArgon2id`). */
import { hashWasmArgon2id } from '../utils/core/vault/hash-wasm-argon2id';
import { setArgon2id } from '../utils/core/vault/vault-crypto';

setArgon2id(hashWasmArgon2id);
