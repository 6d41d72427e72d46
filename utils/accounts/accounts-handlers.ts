/** `accounts.*`: the list with codes (never secrets), add, edit, pin, remove with undo, reorder, HOTP. */
import type { Account } from '../core/otp/account';
import { activeTabUrl } from '../background/active-tab';
import type { HandlersOf } from '../messaging/message-router';
import { optionalField, text } from '../messaging/message-router';
import type { AccountsService } from './accounts-service';

export function accountsHandlers(accounts: AccountsService): HandlersOf<'accounts'> {
  return {
    'accounts.list': {
      from: 'extension',
      handle: (payload) => {
        const bySite = optionalField<boolean>(payload, 'bySite', 'boolean');
        const first = optionalField<number>(payload, 'first', 'number');
        const windowId = optionalField<number>(payload, 'windowId', 'number');
        return accounts.list(bySite ? activeTabUrl(windowId) : undefined, first);
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
    'accounts.nextHotp': {
      from: 'extension',
      handle: async (payload) => (await accounts.nextHotp(text(payload, 'id')), null),
    },
  };
}
