import type { Account, OtpType } from '../utils/core/otp/account';
import type { AccountView } from '../utils/core/accounts/account-view';
import { t } from '../utils/i18n/i18n';
import { AccountForm } from './AccountForm';
import { AccountQr } from './AccountQr';
import { accountName } from './AccountRow';
import { BoundSites } from './BoundSites';
import { Button } from './ui/Button';

interface Props {
  account: AccountView;
  onSave: (changes: Partial<Account> & { type: OtpType }) => Promise<unknown>;
  onPin: (pinned: boolean) => void;
  onDelete: () => void;
  onClose: () => void;
  /** The account's otpauth:// URI, for its QR code. */
  loadUri: (proof: { vaultPassphrase?: string }) => Promise<string>;
}

/**
 * Edit an account's details, pin it to the top, delete it (with undo in the list), see where it
 * fills without asking, or show its QR code.
 */
export function EditAccount({ account, onSave, onPin, onDelete, onClose, loadUri }: Props) {
  return (
    <>
      <AccountForm editing={account} onSave={onSave} onCancel={onClose} />
      <div class="buttons spaced edit-actions">
        <Button aria-pressed={account.pinned} onClick={() => onPin(!account.pinned)}>
          {account.pinned ? t('unpin') : t('pinToTop')}
        </Button>
        <Button variant="danger" onClick={onDelete}>
          {t('deleteAccount')}
        </Button>
      </div>
      <BoundSites sites={account.sites} />
      <AccountQr name={accountName(account)} loadUri={loadUri} />
    </>
  );
}
