/**
 * What the user does to accounts in the popup: copy (and fill), add, edit, pin, delete with undo,
 * reorder, advance a counter. Each sends its message and then reloads the list; the views only
 * call these.
 */
import { askSiteAccess } from '../utils/popup/side-panel';
import type { AccountView } from '../utils/core/accounts/account-view';
import type { Account } from '../utils/core/otp/account';
import { t } from '../utils/i18n/i18n';
import { sendMessage } from '../utils/messaging/message-client';
import type { ToastMessage } from '../components/Toast';
import { accountName } from '../components/AccountRow';

/** How long "Deleted … Undo" stays: as long as the worker keeps the account to bring back. */
const UNDO_TOAST_MS = 10_000;

interface Options {
  reload: () => Promise<void>;
  /** Reload, then go back to the list. */
  back: () => Promise<void>;
  show: (toast: ToastMessage | undefined, ms?: number) => void;
  fill: (account: AccountView) => Promise<void>;
}

export function useAccountActions({ reload, back, show, fill }: Options) {
  return {
    /** Copies the code, tells the worker (to clear the clipboard later), then fills it if the page has a field. */
    async copy(account: AccountView): Promise<void> {
      // First, while the click is being handled: the side panel asks for the account's sites.
      const access = askSiteAccess(account);
      try {
        await navigator.clipboard.writeText(account.code);
        show({ text: t('copied', accountName(account)) });
        void sendMessage('clipboard.copied');
      } catch {
        show({ text: t('copyFailed') });
      }
      await access;
      await fill(account);
    },
    addUri: (uri: string) => sendMessage('accounts.add', { uri }).then(back),
    add: (account: Partial<Account>) => sendMessage('accounts.add', { account: account as Account }).then(back),
    update: (id: string, changes: Partial<Account>) => sendMessage('accounts.update', { id, changes }).then(back),
    pin: (id: string, pinned: boolean) => sendMessage('accounts.update', { id, changes: {}, pinned }).then(back),
    async remove(account: AccountView): Promise<void> {
      const { undo } = await sendMessage('accounts.remove', { id: account.id });
      await back();
      const onUndo = () =>
        void sendMessage('accounts.undoRemove', { undo })
          .then(reload)
          .then(() => show(undefined));
      show({ text: t('deleted', accountName(account)), onUndo }, UNDO_TOAST_MS);
    },
    move: (account: AccountView, target: AccountView) =>
      sendMessage('accounts.move', { id: account.id, targetId: target.id }).then(reload),
    nextHotp: (account: AccountView) => sendMessage('accounts.nextHotp', { id: account.id }).then(reload),
    /** `proof`: the vault passphrase when the worker asked for it again (hooks/useReauth.ts). */
    accountUri: (id: string, proof: { vaultPassphrase?: string } = {}) =>
      sendMessage('export.accountUri', { id, ...proof }),
  };
}
