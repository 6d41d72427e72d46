/**
 * The message handlers for filling, and fills asked for without the popup.
 * - `fill.code`: the popup's click on an account (find the tab, let the fill service decide).
 * - The keyboard command and the field menu fill the one account that matches the page; with
 *   none or several, or a question to ask, they leave a pending fill and open the popup, which
 *   asks (`fill.pending`). Pressed while locked, the fill waits for the unlock.
 */
import { browser, type Browser } from 'wxt/browser';
import { targetTab } from '../background/active-tab';
import { announce, clearAnnouncement } from '../background/announce';
import { siteOf } from '../core/fill/site-of';
import { ServiceError } from '../core/internal/service-error';
import type { AccountsService } from '../accounts/accounts-service';
import type { FillService } from './fill-service';
import type { PendingFill } from '../core/fill/fill-outcome';
import type { Handlers } from '../messaging/message-router';
import { optionalField, text } from '../messaging/message-router';
import { isUnlocked, requireKey } from '../vault/session-key';
import { pendingFillItem } from './pending-fill-item';

export function createFillHandlers(fills: FillService, accounts: AccountsService) {
  /** Fills the page's one matching account; otherwise says what to ask. */
  async function fillBestMatch(tab: Browser.tabs.Tab & { id: number }, frameId?: number): Promise<PendingFill> {
    const site = siteOf(tab.url);
    if (!site) return { tabId: tab.id, frameId, matches: [], outcome: { filled: false, reason: 'restricted' } };
    const matches = await accounts.matchesFor(tab.url);
    if (matches.length !== 1) return { tabId: tab.id, frameId, site, matches };
    const [accountId] = matches as [string];
    return {
      tabId: tab.id,
      frameId,
      site,
      matches,
      accountId,
      outcome: await fills.fill(tab, { id: accountId, frameId }),
    };
  }

  /**
   * The keyboard command (`frameId` absent) and the field menu. Filled: the field shows it;
   * anything else opens the popup.
   */
  async function fillFromBackground(tab: Browser.tabs.Tab, frameId?: number): Promise<void> {
    if (tab.id === undefined) return;
    if (!(await isUnlocked())) {
      await pendingFillItem.setValue({ tabId: tab.id, frameId, matches: [], locked: true });
      return announce();
    }
    const pending = await fillBestMatch({ ...tab, id: tab.id }, frameId);
    if (pending.outcome?.filled) return;
    await pendingFillItem.setValue(pending);
    await announce();
  }

  const handlers: Pick<Handlers, 'fill.code' | 'fill.pending'> = {
    'fill.code': {
      from: 'extension',
      handle: async (payload) => {
        const request = {
          id: text(payload, 'id'),
          frameId: optionalField<number>(payload, 'frameId', 'number'),
          confirmFrame: optionalField<string>(payload, 'confirmFrame', 'string'),
          confirmSite: optionalField<string>(payload, 'confirmSite', 'string'),
          remember: optionalField<boolean>(payload, 'remember', 'boolean') === true,
        };
        const tab = await targetTab(optionalField<number>(payload, 'tabId', 'number'));
        if (!tab) throw new ServiceError('not-found', 'There is no page to fill.');
        return fills.fill(tab, request);
      },
    },
    'fill.pending': {
      from: 'extension',
      handle: async () => {
        await requireKey();
        const pending = await pendingFillItem.getValue();
        if (!pending) return null;
        await pendingFillItem.removeValue();
        await clearAnnouncement();
        if (!pending.locked) return pending;
        const tab = await browser.tabs.get(pending.tabId).catch(() => undefined);
        return tab?.id === undefined ? null : fillBestMatch({ ...tab, id: tab.id }, pending.frameId);
      },
    },
  };
  return { handlers, fillFromBackground };
}
