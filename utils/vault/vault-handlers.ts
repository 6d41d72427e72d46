/** The message handlers for the vault and its accounts: check the payload, call the service. */
import type { Account } from '../core/otp/account';
import type { AccountsService } from '../accounts/accounts-service';
import { activeTabUrl } from '../background/active-tab';
import type { ClipboardGuard } from '../clipboard/clipboard-guard';
import type { Handlers } from '../messaging/message-router';
import type { ScanMessageType } from '../scan/scan-handlers';
import { optionalField, text } from '../messaging/message-router';
import type { Settings } from '../core/vault/settings';
import type { VaultService } from './vault-service';

export function vaultHandlers(
  vault: VaultService,
  accounts: AccountsService,
  clipboard: ClipboardGuard,
): Omit<
  Handlers,
  | ScanMessageType
  | 'fill.code'
  | 'fill.pending'
  | 'import.file'
  | 'backup.create'
  | 'backup.status'
  | 'export.accounts'
  | 'export.accountUri'
> {
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
    'settings.update': {
      from: 'extension',
      handle: (payload) => {
        const { autoLockMinutes, theme, hideCodes, clearClipboard } = (payload ?? {}) as Partial<Settings>;
        return vault.updateSettings({ autoLockMinutes, theme, hideCodes, clearClipboard });
      },
    },
    'accounts.list': {
      from: 'extension',
      handle: (payload) => {
        const bySite = optionalField<boolean>(payload, 'bySite', 'boolean');
        const first = optionalField<number>(payload, 'first', 'number');
        return accounts.list(bySite ? activeTabUrl() : undefined, first);
      },
    },
    'accounts.add': {
      from: 'extension',
      handle: async (payload) => ({ id: await accounts.add((payload ?? {}) as { account?: unknown; uri?: unknown }) }),
    },
    'accounts.update': {
      from: 'extension',
      handle: async (payload) => (
        await accounts.edit(
          text(payload, 'id'),
          optionalField<Partial<Account>>(payload, 'changes', 'object') ?? {},
          optionalField<boolean>(payload, 'pinned', 'boolean'),
        ),
        null
      ),
    },
    'accounts.remove': { from: 'extension', handle: (payload) => accounts.remove(text(payload, 'id')) },
    'accounts.undoRemove': {
      from: 'extension',
      handle: async (payload) => (await accounts.undoRemove(text(payload, 'undo')), null),
    },
    'accounts.move': {
      from: 'extension',
      handle: async (payload) => (await accounts.move(text(payload, 'id'), text(payload, 'targetId')), null),
    },
    'clipboard.copied': {
      from: 'extension',
      handle: async (payload) => (await clipboard.copied(text(payload, 'code')), null),
    },
    'accounts.nextHotp': {
      from: 'extension',
      handle: async (payload) => (await accounts.nextHotp(text(payload, 'id')), null),
    },
  };
}
