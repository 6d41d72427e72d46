/**
 * The helper's export chunk: the encrypted Aegis file (scrypt and AES-GCM,
 * utils/core/export/aegis-export.ts) and Google Authenticator's transfer codes (protobuf,
 * utils/core/export/google-migration-export.ts), loaded by the helper Worker on the first export
 * instead of on every wake of the service worker (issue 19).
 */
import { exportAegisEncrypted } from '../core/export/aegis-export';
import { exportMigrationUris } from '../core/export/google-migration-export';
import { defineChunk } from './define-chunk';

export default defineChunk('export', {
  async exportAegis({ entries, password }) {
    return exportAegisEncrypted(entries, password);
  },
  async exportGoogle({ accounts, batchId }) {
    return exportMigrationUris(accounts, batchId);
  },
});
