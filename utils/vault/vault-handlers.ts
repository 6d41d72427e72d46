/** `vault.*`: create, unlock, join a synced vault, lock, change the passphrase, erase; payloads checked first. */
import type { HandlersOf } from '../messaging/message-router';
import { text } from '../messaging/message-router';
import type { VaultService } from './vault-service';

export function vaultHandlers(vault: VaultService): HandlersOf<'vault'> {
  return {
    'vault.status': { from: 'extension', handle: () => vault.status() },
    'vault.create': { from: 'extension', handle: (payload) => vault.create(text(payload, 'passphrase')) },
    'vault.unlock': { from: 'extension', handle: (payload) => vault.unlock(text(payload, 'passphrase')) },
    'vault.join': { from: 'extension', handle: (payload) => vault.join(text(payload, 'passphrase')) },
    'vault.lock': { from: 'extension', handle: () => vault.lock() },
    'vault.changePassphrase': {
      from: 'extension',
      handle: async (payload) => (await vault.changePassphrase(text(payload, 'current'), text(payload, 'next')), null),
    },
    'vault.reset': { from: 'extension', handle: (payload) => vault.reset(text(payload, 'confirmation')) },
  };
}
