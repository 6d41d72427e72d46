/**
 * The pending preview, whichever way it was filled (a scan, or an import on the options page):
 * read it, add or replace the accounts the user ticked (named by key, in the preview named by its
 * nonce), or drop it.
 */
import { ServiceError } from '../core/internal/service-error';
import type { ScanChoice } from '../core/preview/scan-preview';
import type { HandlersOf } from '../messaging/message-router';
import { text } from '../messaging/message-router';
import type { PreviewService } from './preview-service';

function choices(payload: unknown): ScanChoice[] {
  const list = (payload as { choices?: unknown } | undefined)?.choices;
  const valid =
    Array.isArray(list) &&
    list.every(
      (choice: Partial<ScanChoice>) =>
        typeof choice?.key === 'string' && (choice.action === 'add' || choice.action === 'replace'),
    );
  if (!valid) throw new ServiceError('invalid-input', 'choices must list keys with add or replace.');
  return list as ScanChoice[];
}

/** The page origins to remember: absent is none; anything but a list of texts is refused. */
function remember(payload: unknown): string[] {
  const list = (payload as { remember?: unknown } | undefined)?.remember;
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every((origin) => typeof origin === 'string'))
    throw new ServiceError('invalid-input', 'remember must list origins.');
  return list as string[];
}

export function previewHandlers(previews: PreviewService): HandlersOf<'preview'> {
  return {
    'preview.get': { from: 'extension', handle: () => previews.preview() },
    'preview.confirm': {
      from: 'extension',
      handle: (payload) => previews.confirm(text(payload, 'nonce'), choices(payload), remember(payload)),
    },
    'preview.discard': { from: 'extension', handle: async () => (await previews.discard(), null) },
  };
}
