/**
 * The import's message: an export file from the options page, read on the background side (which
 * alone holds secrets) into the pending preview, confirmed or discarded with preview.confirm and
 * preview.discard like a scan. The helper parses it (utils/helper/import-tasks.ts): the
 * importers' libraries never load in the service worker.
 */
import { MAX_IMPORT_BYTES } from '../core/import/import-source';
import { ServiceError } from '../core/internal/service-error';
import type { HelperClient } from '../helper/helper-client';
import type { Handlers } from '../messaging/message-router';
import { optionalField, text } from '../messaging/message-router';
import type { PreviewService } from '../preview/preview-service';
import { requireKey } from '../vault/session-key';
import { lockEpoch } from '../vault/lock-epoch';

export function importHandlers(scan: PreviewService, helper: HelperClient): Pick<Handlers, 'import.file'> {
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
        const password = optionalField<string>(payload, 'password', 'string');
        // Not base64: the helper refuses it as 'invalid-input', as the worker did.
        const parsed = await helper.run('importFile', { data, ...(password ? { password } : {}) });
        return scan.addImport(parsed, since);
      },
    },
  };
}
