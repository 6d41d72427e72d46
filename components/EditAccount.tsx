import type { Account, OtpType } from '../utils/core/account';
import type { AccountView } from '../utils/accounts-service';
import { t } from '../utils/i18n';
import { AccountForm } from './AccountForm';

interface Props {
  account: AccountView;
  onSave: (changes: Partial<Account> & { type: OtpType }) => Promise<unknown>;
  onPin: (pinned: boolean) => void;
  onDelete: () => void;
  onClose: () => void;
}

/** Edit an account's details, pin it to the top, or delete it (with undo in the list). */
export function EditAccount({ account, onSave, onPin, onDelete, onClose }: Props) {
  return (
    <>
      <AccountForm editing={account} onSave={onSave} onCancel={onClose} />
      <div class="buttons spaced">
        <button type="button" aria-pressed={account.pinned} onClick={() => onPin(!account.pinned)}>
          {account.pinned ? t('unpin') : t('pinToTop')}
        </button>
        <button type="button" class="danger" onClick={onDelete}>
          {t('deleteAccount')}
        </button>
      </div>
    </>
  );
}
