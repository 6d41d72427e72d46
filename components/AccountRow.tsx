import type { AccountView } from '../utils/core/accounts/account-view';
import { t } from '../utils/i18n/i18n';
import { Pencil, Pin, RefreshCw } from 'lucide-preact';
import { AccountIcon } from './AccountIcon';
import { CountdownRing } from './CountdownRing';
import { TagList } from './TagList';
import { IconButton } from './ui/IconButton';

/** Seconds before a rollover from which the next code is shown beside the current one. */
export const NEXT_CODE_SECONDS = 5;

/** Groups a code for reading: "123 456", "1234 5678"; Steam's 5 characters stay as they are. */
export function groupCode(code: string): string {
  if (code.length < 6) return code;
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}

export function accountName(account: Pick<AccountView, 'issuer' | 'label'>): string {
  return [account.issuer, account.label].filter(Boolean).join(': ') || t('unnamedAccount');
}

interface Props {
  account: AccountView;
  /** When this list of codes was fetched (ms), to start the countdown at the right phase. */
  now: number;
  active: boolean;
  onCopy: (account: AccountView) => void;
  onNextHotp: (account: AccountView) => void;
  onEdit: (account: AccountView) => void;
  /** Settings' "Show site icons" (AccountIcon.tsx); the monogram shows either way. */
  showIcons?: boolean;
}

export function AccountRow({ account, now, active, onCopy, onNextHotp, onEdit, showIcons = false }: Props) {
  const name = accountName(account);
  const timed = account.type !== 'hotp';
  const untilNext = timed ? account.validFrom! + account.period * 1000 - now - NEXT_CODE_SECONDS * 1000 : 0;
  return (
    <>
      {/* The button's name is its content (WCAG 2.5.3): "Copy the code for GitHub alice@example.com 123 456". */}
      <button
        type="button"
        class="copy"
        tabIndex={active ? 0 : -1}
        data-account={account.id}
        aria-describedby={account.tags?.length ? `tags-${account.id}` : undefined}
        onClick={() => onCopy(account)}
      >
        <AccountIcon account={account} showIcons={showIcons} />
        <span class="sr-only">{t('copyCodePrefix')} </span>
        {/* The full name on hover: a long issuer or label is cut to one line in the fixed-height row. */}
        <span class="names" title={name}>
          <span class="issuer">
            {account.pinned && <Pin class="pin" size={14} aria-hidden="true" />}
            {account.issuer || account.label || t('unnamedAccount')}
          </span>{' '}
          {account.issuer && account.label && <span class="label">{account.label}</span>}
          <TagList id={`tags-${account.id}`} tags={account.tags} />
        </span>{' '}
        <span class="codes">
          {/* elementtiming: the browser records when each code is first painted (npm run bench reads it). */}
          <span class="code" elementtiming="code">
            {groupCode(account.code)}
          </span>
          {timed && account.nextCode && (
            <span class="next" style={{ animationDelay: `${untilNext}ms` }}>
              {t('nextCode', groupCode(account.nextCode))}
            </span>
          )}
        </span>
        {timed && <CountdownRing period={account.period} validFrom={account.validFrom!} now={now} />}
      </button>
      {account.type === 'hotp' && (
        <IconButton
          icon={RefreshCw}
          class="tip-left"
          tabIndex={active ? 0 : -1}
          label={t('nextHotpFor', name)}
          onClick={() => onNextHotp(account)}
        />
      )}
      <IconButton
        icon={Pencil}
        class="tip-left"
        tabIndex={active ? 0 : -1}
        label={t('editAccountFor', name)}
        onClick={() => onEdit(account)}
      />
    </>
  );
}
