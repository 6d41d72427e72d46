/**
 * The import's message: an export file from the options page, read in the background (which
 * alone holds secrets) into the pending preview, confirmed or discarded with preview.confirm and
 * preview.discard like a scan.
 */
import { fromBase64 } from '../core/internal/bytes';
import { importFile } from '../core/import/import-file';
import { MAX_IMPORT_BYTES } from '../core/import/import-source';
import { ServiceError } from '../core/internal/service-error';
import type { Handlers } from '../messaging/message-router';
import { optionalField, text } from '../messaging/message-router';
import type { PreviewService } from '../preview/preview-service';
import { requireKey } from '../vault/session-key';
import { lockEpoch } from '../vault/lock-epoch';

export function importHandlers(scan: PreviewService): Pick<Handlers, 'import.file'> {
  return {
    'import.file': {
      from: 'extension',
      handle: async (payload) => {
        await requireKey(); // locked: unlock first, nothing is read
        // Lock means gone: an import still decrypting when the vault locks keeps nothing.
        const since = lockEpoch();
        const data = text(payload, 'data');
        if (data.length > (MAX_IMPORT_BYTES * 4) / 3 + 4)
          throw new ServiceError('invalid-input', 'The file is over 10 MB: no authenticator export is that large.');
        const bytes = fromBase64(data, () => new ServiceError('invalid-input', 'data must be base64.'));
        const password = optionalField<string>(payload, 'password', 'string');
        return scan.addImport(await importFile(bytes, password || undefined), since);
      },
    },
  };
}
