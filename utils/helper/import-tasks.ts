/**
 * The helper's import chunk: every format Tessera reads (utils/core/import/import-file.ts) with
 * the libraries only imports need (kdbxweb, zip.js, libsodium, sql.js, fast-xml-parser, the
 * import KDFs), loaded by the helper Worker on the first import instead of on every wake of the
 * service worker (issue 19). The file arrives as base64; the accounts go back as plain objects.
 */
import { importFile } from '../core/import/import-file';
import { fromBase64 } from '../core/internal/bytes';
import { ServiceError } from '../core/internal/service-error';
import { hashWasmArgon2id } from '../core/vault/hash-wasm-argon2id';
import { setArgon2id } from '../core/vault/vault-crypto';
import { defineChunk } from './define-chunk';

// Tessera's own backups open with the vault's Argon2id: in the helper's Worker it runs in place
// (this chunk's copy of vault-crypto.ts starts with none).
setArgon2id(hashWasmArgon2id);

export default defineChunk('import', {
  async importFile({ data, password }) {
    const bytes = fromBase64(data, () => new ServiceError('invalid-input', 'data must be base64.'));
    return importFile(bytes, password || undefined);
  },
});
