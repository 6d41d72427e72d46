/** `sync.*`: status, turn on, turn off (optionally removing the synced copy), sync now. */
import type { HandlersOf } from '../messaging/message-router';
import { optionalField } from '../messaging/message-router';
import type { SyncService } from './sync-service';

export function syncHandlers(sync: SyncService): HandlersOf<'sync'> {
  return {
    'sync.status': { from: 'extension', handle: () => sync.status() },
    'sync.enable': { from: 'extension', handle: () => sync.enable() },
    'sync.disable': {
      from: 'extension',
      handle: (payload) => sync.disable(optionalField<boolean>(payload, 'removeSynced', 'boolean') ?? false),
    },
    'sync.now': { from: 'extension', handle: () => sync.now() },
  };
}
