/**
 * Argon2id for the service worker: the helper runs it (kdf chunk), off the worker's thread and
 * out of its wake-time script. The passphrase's bytes and the derived key cross only the
 * background side's own channel (helper-protocol.ts).
 */
import { fromBase64, toBase64 } from '../core/internal/bytes';
import type { Argon2id } from '../core/vault/vault-crypto';
import type { HelperClient } from './helper-client';

export function helperArgon2id(helper: HelperClient): Argon2id {
  return async ({ password, salt, ...cost }) =>
    fromBase64(await helper.run('argon2id', { password: toBase64(password), salt: toBase64(salt), ...cost }));
}
