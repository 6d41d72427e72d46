/** The message handlers for the vault and its accounts: check the payload, call the service. */
import type { Handlers } from './message-router';
import { text } from './message-router';
import type { VaultService } from './vault-service';
import type { Account } from './core/account';

export function vaultHandlers(vault: VaultService): Handlers {
  return {
    'vault.status': { from: 'extension', handle: () => vault.status() },
    'vault.create': { from: 'extension', handle: (payload) => vault.create(text(payload, 'passphrase')) },
    'vault.unlock': { from: 'extension', handle: (payload) => vault.unlock(text(payload, 'passphrase')) },
    'vault.lock': { from: 'extension', handle: () => vault.lock() },
    'vault.changePassphrase': {
      from: 'extension',
      handle: async (payload) => (await vault.changePassphrase(text(payload, 'current'), text(payload, 'next')), null),
    },
    'vault.reset': { from: 'extension', handle: (payload) => vault.reset(text(payload, 'confirmation')) },
    'settings.update': { from: 'extension', handle: (payload) => vault.updateSettings({ autoLockMinutes: (payload as { autoLockMinutes?: number })?.autoLockMinutes }) },
    'accounts.list': { from: 'extension', handle: () => vault.listAccounts() },
    'accounts.add': { from: 'extension', handle: async (payload) => ({ id: await vault.addAccount((payload ?? {}) as { account?: unknown; uri?: unknown }) }) },
    'accounts.update': {
      from: 'extension',
      handle: async (payload) => (await vault.updateAccount(text(payload, 'id'), (payload as { changes?: Partial<Account> }).changes ?? {}), null),
    },
    'accounts.remove': { from: 'extension', handle: async (payload) => (await vault.removeAccount(text(payload, 'id')), null) },
  };
}
