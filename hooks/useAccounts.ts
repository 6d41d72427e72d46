/**
 * The unlocked account list with its codes, from the background (which alone holds the secrets).
 * One timer for the whole list fires at the soonest period rollover and fetches fresh codes;
 * between rollovers the popup does no work (countdown and next code are CSS). A hidden popup
 * cancels the timer and refetches when shown again.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../utils/messaging/message-client';
import type { AccountView } from '../utils/core/accounts/account-view';
import { followActiveTab, panelWindowId } from '../utils/popup/side-panel';
import { startup } from '../utils/popup/startup';

/** When the soonest time-based code changes, in ms since the epoch. */
export function nextRollover(accounts: AccountView[]): number | undefined {
  const ends = accounts.flatMap((account) =>
    account.type === 'hotp' ? [] : [account.validFrom! + account.period * 1000],
  );
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

  /** `passive`: a refresh the user did not ask for (a rollover, the panel's tab changed), no activity for auto-lock. */
  const load = useCallback(
    async (passive = false) => {
      clearTimeout(timer.current);
      if (document.hidden) return;
      try {
        // On opening, the first screen's codes are already on their way; the rest follow at once.
        const first = await startup.take('accounts');
        if (first) {
          show(first);
          // Let those rows reach the screen before the background computes all the other codes
          // (~20 ms for 500 accounts): on two cores that work competes with the first frame's raster.
          await afterNextPaint();
        }
        const windowId = await panelWindowId;
        const list = await sendMessage('accounts.list', { bySite: true, ...(windowId ? { windowId } : {}), passive });
        show(list);
        const rollover = nextRollover(list);
        if (rollover !== undefined)
          timer.current = setTimeout(() => void load(true), Math.max(rollover - Date.now(), 0) + 20);
      } catch (caught) {
        setError((caught as Error).message);
      }
    },
    [show],
  );

  // A layout effect, not useEffect: the first codes are usually here already and should be in the
  // very first paint of the list, not one frame later.
  useLayoutEffect(() => {
    void load();
    const onVisibility = () => (document.hidden ? clearTimeout(timer.current) : void load(true));
    document.addEventListener('visibilitychange', onVisibility);
    // The side panel: the accounts of the page now shown in its window come first.
    let unfollow = () => {};
    void panelWindowId.then((windowId) => {
      if (windowId !== undefined) unfollow = followActiveTab(windowId, () => void load(true));
    });
    return () => {
      unfollow();
      clearTimeout(timer.current);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [load]);

  return { accounts, fetchedAt, error, reload: () => load() };
}

/**
 * Resolves once the next frame is on screen: a frame's raster and display run after its
 * animation-frame callbacks, so wait for the frame after it (a task queued from inside that one
 * runs after it too).
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve))));
}
