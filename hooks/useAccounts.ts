/**
 * The unlocked account list with its codes. Codes are fetched from the background, which alone
 * holds the secrets, once now and again only when the soonest code expires, and not while the
 * popup is hidden.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../utils/message-client';
import type { AccountView } from '../utils/vault-service';

export function useAccounts(): { accounts: AccountView[] | undefined; error: string | undefined } {
  const [accounts, setAccounts] = useState<AccountView[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    async function load() {
      if (document.hidden) return;
      try {
        const list = await sendMessage('accounts.list');
        if (cancelled) return;
        setAccounts(list);
        setError(undefined);
        const soonest = Math.min(...list.map((account) => account.remaining ?? Infinity));
        if (Number.isFinite(soonest)) timer = setTimeout(load, soonest * 1000 - (Date.now() % 1000) + 50);
      } catch (caught) {
        if (!cancelled) setError((caught as Error).message);
      }
    }
    const onVisible = () => {
      clearTimeout(timer);
      void load();
    };
    void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  return { accounts, error };
}
