/** `clipboard.*`: the popup copied a code; the guard clears the clipboard 30 s later. */
import type { HandlersOf } from '../messaging/message-router';
import type { ClipboardGuard } from './clipboard-guard';

export function clipboardHandlers(clipboard: ClipboardGuard): HandlersOf<'clipboard'> {
  return {
    'clipboard.copied': {
      from: 'extension',
      handle: async () => (await clipboard.copied(), null),
    },
  };
}
