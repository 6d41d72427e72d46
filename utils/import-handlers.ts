/**
 * The import's message: an export file from the options page, read in the background (which
 * alone holds secrets) into the pending preview, confirmed or discarded with scan.confirm and
 * scan.discard like a scan.
 */
import { fromBase64 } from './core/bytes';
import { importFile } from './core/import/import-file';
import { MAX_IMPORT_BYTES } from './core/import/import-source';
import { VaultError } from './core/vault-error';
import type { Handlers } from './message-router';
import { optionalField, text } from './message-router';
import type { ScanService } from './scan-service';
import { requireKey } from './session-key';

export function importHandlers(scan: ScanService): Pick<Handlers, 'import.file'> {
  return {
    'import.file': {
      from: 'extension',
      handle: async (payload) => {
        await requireKey(); // locked: unlock first, nothing is read
        const data = text(payload, 'data');
        if (data.length > (MAX_IMPORT_BYTES * 4) / 3 + 4)
          throw new VaultError('invalid-input', 'The file is over 10 MB: no authenticator export is that large.');
        const bytes = fromBase64(data, () => new VaultError('invalid-input', 'data must be base64.'));
        const password = optionalField<string>(payload, 'password', 'string');
        return scan.addImport(await importFile(bytes, password || undefined));
      },
    },
  };
}
