/**
 * The unlocked account list with its codes, from the background (which alone holds the secrets).
 * One timer for the whole list fires at the soonest period rollover and fetches fresh codes;
 * between rollovers the popup does no work (countdown and next code are CSS). A hidden popup
 * cancels the timer and refetches when shown again.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../utils/message-client';
import type { AccountView } from '../utils/accounts-service';

/** The current tab's host name, readable because clicking the toolbar grants activeTab. */
async function currentHostname(): Promise<string | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const url = tab?.url ? new URL(tab.url) : undefined;
    return url?.protocol.startsWith('http') ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

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
  const hostname = useRef<Promise<string | undefined> | undefined>(undefined);

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    if (document.hidden) return;
    hostname.current ??= currentHostname();
    try {
      const list = await sendMessage('accounts.list', { hostname: await hostname.current });
      setFetchedAt(Date.now());
      setAccounts(list);
      setError(undefined);
      const rollover = nextRollover(list);
      if (rollover !== undefined) timer.current = setTimeout(load, Math.max(rollover - Date.now(), 0) + 20);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, []);

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
