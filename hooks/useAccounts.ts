/**
 * The unlocked account list with its codes, from the background (which alone holds the secrets).
 * One timer for the whole list fires at the soonest period rollover and fetches fresh codes;
 * between rollovers the popup does no work (countdown and next code are CSS). A hidden popup
 * cancels the timer and refetches when shown again.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../utils/message-client';
import type { AccountView } from '../utils/accounts-service';
import { startup } from './startup';

/** When the soonest time-based code changes, in ms since the epoch. */
export function nextRollover(accounts: AccountView[]): number | undefined {
  const ends = accounts.flatMap((account) => (account.type === 'hotp' ? [] : [account.validFrom! + account.period * 1000]));
  return ends.length ? Math.min(...ends) : undefined;
}

export function useAccounts() {
  const [accounts, setAccounts] = useState<AccountView[]>();
  const [fetchedAt, setFetchedAt] = useState(0);
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback((list: AccountView[]) => {
    setFetchedAt(Date.now());
    setAccounts(list);
    setError(undefined);
  }, []);

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    if (document.hidden) return;
    try {
      // On opening, the first screen's codes are already on their way; the rest follow at once.
      const first = await startup.take('accounts');
      if (first) show(first);
      const list = await sendMessage('accounts.list', { hostname: await startup.hostname });
      show(list);
      const rollover = nextRollover(list);
      if (rollover !== undefined) timer.current = setTimeout(load, Math.max(rollover - Date.now(), 0) + 20);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [show]);

  useEffect(() => {
    void load();
    const onVisibility = () => (document.hidden ? clearTimeout(timer.current) : void load());
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer.current);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [load]);

  return { accounts, fetchedAt, error, reload: load };
}
