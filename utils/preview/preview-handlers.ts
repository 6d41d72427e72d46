/**
 * The pending preview, whichever way it was filled (a scan, or an import on the options page):
 * read it, add or replace the accounts the user ticked, or drop it.
 */
import { ServiceError } from '../core/internal/service-error';
import type { ScanChoice } from '../core/preview/scan-preview';
import type { HandlersOf } from '../messaging/message-router';
import { optionalField } from '../messaging/message-router';
import type { PreviewService } from './preview-service';

function choices(payload: unknown): ScanChoice[] {
  const list = (payload as { choices?: unknown } | undefined)?.choices;
  const valid =
    Array.isArray(list) &&
    list.every(
      (choice: Partial<ScanChoice>) =>
        Number.isInteger(choice?.key) && (choice.action === 'add' || choice.action === 'replace'),
    );
  if (!valid) throw new ServiceError('invalid-input', 'choices must list keys with add or replace.');
  return list as ScanChoice[];
}

export function previewHandlers(previews: PreviewService): HandlersOf<'preview'> {
  return {
    'preview.get': { from: 'extension', handle: () => previews.preview() },
    'preview.confirm': {
      from: 'extension',
      handle: (payload) =>
        previews.confirm(choices(payload), optionalField<boolean>(payload, 'rememberSite', 'boolean') === true),
    },
    'preview.discard': { from: 'extension', handle: async () => (await previews.discard(), null) },
  };
}
