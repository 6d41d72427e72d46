/** `clipboard.*`: the popup copied a code; the guard clears it later if it is still there. */
import type { HandlersOf } from '../messaging/message-router';
import { text } from '../messaging/message-router';
import type { ClipboardGuard } from './clipboard-guard';

export function clipboardHandlers(clipboard: ClipboardGuard): HandlersOf<'clipboard'> {
  return {
    'clipboard.copied': {
      from: 'extension',
      handle: async (payload) => (await clipboard.copied(text(payload, 'code')), null),
    },
  };
}
