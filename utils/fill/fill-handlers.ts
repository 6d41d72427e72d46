/**
 * The message handlers for filling, and fills asked for without the popup.
 * - `fill.code`: the popup's click on an account (find the tab, let the fill service decide).
 * - The keyboard command and the field menu fill the one account that matches the page; with
 *   none or several, or a question to ask, they leave a pending fill and open the popup, which
 *   asks (`fill.pending`). Pressed while locked, the fill waits for the unlock, for at most
 *   PENDING_FILL_MS, and fills only the document it was asked on (Chrome names it; Firefox: the
 *   same address).
 */
import { browser, type Browser } from 'wxt/browser';
import { targetTab } from '../background/active-tab';
import { announce, clearAnnouncement } from '../background/announce';
import { ServiceError } from '../core/internal/service-error';
import type { AccountsService } from '../accounts/accounts-service';
import type { FillService } from './fill-service';
import type { SiteResolver } from './site-resolver';
import type { PendingFill } from '../core/fill/fill-outcome';
import type { Handlers } from '../messaging/message-router';
import { optionalField, text } from '../messaging/message-router';
import { isUnlocked, requireKey } from '../vault/session-key';
import { pendingFillItem } from './pending-fill-item';

/** How long a fill asked for while locked waits for the unlock. */
export const PENDING_FILL_MS = 2 * 60_000;

/** The document shown in a tab's frame now (Chrome's injection results name it; Firefox's do not). */
async function documentOf(tabId: number, frameId = 0): Promise<string | undefined> {
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, func: () => 0 });
    return result?.documentId;
  } catch {
    return undefined;
  }
}

export function createFillHandlers(
  fills: FillService,
  accounts: AccountsService,
  sites: Pick<SiteResolver, 'siteOf'>,
  now: () => number = Date.now,
) {
  /** Fills the page's one matching account; otherwise says what to ask. */
  async function fillBestMatch(
    tab: Browser.tabs.Tab & { id: number },
    frameId?: number,
    documentId?: string,
  ): Promise<PendingFill> {
    const site = await sites.siteOf(tab.url);
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
      outcome: await fills.fill(tab, { id: accountId, frameId, ...(documentId ? { documentId } : {}) }),
    };
  }

  /**
   * The keyboard command (`frameId` absent) and the field menu. Filled: the field shows it;
   * anything else opens the popup.
   */
  async function fillFromBackground(tab: Browser.tabs.Tab, frameId?: number): Promise<void> {
    if (tab.id === undefined) return;
    if (!(await isUnlocked())) {
      const documentId = await documentOf(tab.id, frameId);
      await pendingFillItem.setValue({
        tabId: tab.id,
        frameId,
        matches: [],
        locked: true,
        at: now(),
        url: tab.url,
        ...(documentId ? { documentId } : {}),
      });
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
          confirmOrigin: optionalField<string>(payload, 'confirmOrigin', 'string'),
          remember: rememberField(payload),
        };
        const windowId = optionalField<number>(payload, 'windowId', 'number');
        const tab = await targetTab(optionalField<number>(payload, 'tabId', 'number'), windowId);
        if (!tab) throw new ServiceError('not-found', 'There is no page to fill.');
        // From the side panel, an address hidden from Tessera is a site the user has not allowed
        // (no toolbar click granted activeTab there), not a page no extension may touch.
        if (windowId !== undefined && tab.url === undefined) return { filled: false, reason: 'no-access' } as const;
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
        // Too old, or the tab shows another page now: the fill asked for is not this one.
        if (pending.at === undefined || now() - pending.at > PENDING_FILL_MS) return null;
        const tab = await browser.tabs.get(pending.tabId).catch(() => undefined);
        if (tab?.id === undefined || tab.url !== pending.url) return null;
        return fillBestMatch({ ...tab, id: tab.id }, pending.frameId, pending.documentId);
      },
    },
  };
  return { handlers, fillFromBackground };
}

/** `remember`: absent, "origin" or "site"; anything else is refused. */
function rememberField(payload: unknown): 'origin' | 'site' | undefined {
  const remember = optionalField<string>(payload, 'remember', 'string');
  if (remember === undefined || remember === 'origin' || remember === 'site') return remember;
  throw new ServiceError('invalid-input', 'remember must be "origin" or "site".');
}
