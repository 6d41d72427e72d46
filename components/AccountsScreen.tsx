import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../utils/core/accounts/account-view';
import { matchesQuery } from '../utils/core/accounts/matches-query';
import { t } from '../utils/i18n/i18n';
import { plural } from '../utils/i18n/plural';
import { AccountRow } from './AccountRow';
import { EmptyState } from './EmptyState';
import { ErrorMessage } from './ErrorMessage';
import { VirtualList } from './VirtualList';

export const ROW_HEIGHT = 56;

interface Props {
  accounts: AccountView[] | undefined;
  fetchedAt: number;
  error: string | undefined;
  hideCodes: boolean;
  /** Settings' "Show site icons". */
  showIcons?: boolean;
  onCopy: (account: AccountView) => void;
  onNextHotp: (account: AccountView) => void;
  onEdit: (account: AccountView) => void;
  /** Put `account` in `target`'s place. */
  onMove: (account: AccountView, target: AccountView) => void;
}

/** Search, the list, and keyboard use: arrows move, Enter copies, Alt+arrows reorder. */
/** Focuses an account's copy button if its row is drawn; returns whether it was. */
function focusAccount(id: string): boolean {
  const button = document.querySelector<HTMLElement>(`[data-account="${id}"]`);
  button?.focus();
  return button !== null;
}

export function AccountsScreen({
  accounts,
  fetchedAt,
  error,
  hideCodes,
  showIcons = false,
  onCopy,
  onNextHotp,
  onEdit,
  onMove,
}: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  /** An account to focus once its row is drawn; `until` keeps it across the list reloading after a move. */
  const [pendingFocus, setPendingFocus] = useState<{ id: string; until?: AccountView[] }>();
  const search = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => (accounts ?? []).filter((account) => matchesQuery(account, query)), [accounts, query]);
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  useEffect(() => {
    if (!pendingFocus) return;
    focusAccount(pendingFocus.id);
    if (pendingFocus.until !== shown) setPendingFocus(undefined);
  }, [pendingFocus, shown]);

  /** Makes a row active and focuses it: at once when it is drawn, after scrolling it into view otherwise. */
  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(index, shown.length - 1));
    setActive(target);
    if (shown[target] && !focusAccount(shown[target].id)) setPendingFocus({ id: shown[target].id });
  };

  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && shown.length) {
      event.preventDefault();
      moveTo(0);
    } else if (event.key === 'Enter' && shown[current]) {
      event.preventDefault();
      onCopy(shown[current]);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const onListKey = (event: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 };
    // The row with focus, which a click or Tab may have moved away from the remembered one.
    const focused = (event.target as HTMLElement)
      .closest('li')
      ?.querySelector('[data-account]')
      ?.getAttribute('data-account');
    const index = shown.findIndex((account) => account.id === focused);
    const from = index === -1 ? current : index;
    if (event.key in steps && event.altKey && !query) {
      event.preventDefault();
      const target = shown[from + Math.sign(steps[event.key]!)];
      if (!target) return;
      onMove(shown[from]!, target);
      // Focus stays on the moved account, also once the reordered list arrives.
      setActive(from + Math.sign(steps[event.key]!));
      setPendingFocus({ id: shown[from]!.id, until: shown });
    } else if (event.key in steps) {
      event.preventDefault();
      moveTo(from + steps[event.key]!);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      moveTo(event.key === 'Home' ? 0 : shown.length - 1);
    } else if (event.key === '/' || event.key === 'Escape') {
      event.preventDefault();
      search.current?.focus();
    }
  };

  if (error) return <ErrorMessage message={error} />;
  if (!accounts) return null;
  if (accounts.length === 0) return <EmptyState />;
  return (
    <div class={hideCodes ? 'list hide-codes' : 'list'}>
      <div class="search">
        <input
          ref={search}
          type="search"
          aria-label={t('searchAccounts')}
          placeholder={t('searchPlaceholder')}
          value={query}
          autoFocus
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onSearchKey}
        />
      </div>
      {shown.length === 0 ? (
        <p class="muted none">{t('noMatches', query)}</p>
      ) : (
        <VirtualList
          items={shown}
          rowHeight={ROW_HEIGHT}
          activeIndex={current}
          label={t('accountsList')}
          keyOf={(account) => account.id}
          onKeyDown={onListKey}
          onDrop={query ? undefined : onMove}
          renderRow={(account, index) => (
            <AccountRow
              account={account}
              now={fetchedAt}
              active={index === current}
              onCopy={onCopy}
              onNextHotp={onNextHotp}
              onEdit={onEdit}
              showIcons={showIcons}
            />
          )}
        />
      )}
      <p class="muted keys">{t('keyboardHint')}</p>
      <p class="sr-only" aria-live="polite">
        {query ? plural('matchCount', shown.length) : ''}
      </p>
    </div>
  );
}
