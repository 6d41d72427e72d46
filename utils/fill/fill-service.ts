/**
 * A fill as the user asked for it (a click on an account, or the field menu): find the code field
 * first, then check it twice before any code leaves the background.
 * - The field is in a frame from another origin than the page: the user is asked (`confirmFrame`
 *   is their yes, naming that origin).
 * - The page's site is not bound to the account (the first fill there, or a page that may be
 *   phishing): the user is asked (`confirmSite`), and the site is remembered if they want.
 * Only then does the code go to the one frame chosen. Once a code field is found, a clock check of
 * the page's site starts beside the fill (clock-service.ts).
 */
import type { Browser } from 'wxt/browser';
import { siteOf } from '../core/fill/site-of';
import type { AccountsService } from '../accounts/accounts-service';
import type { FillOutcome } from '../core/fill/fill-outcome';
import type { ClockService } from '../clock/clock-service';
import { fillFrame, findCodeField } from './tab-filler';

export interface FillRequest {
  id: string;
  /** The frame the user right-clicked a field in: its focused field takes the code. */
  frameId?: number;
  /** The origin of the frame the user agreed to fill, after being asked. */
  confirmFrame?: string;
  /** The site the user agreed to fill on, after being asked. */
  confirmSite?: string;
  /** Remember `confirmSite` for this account. */
  remember?: boolean;
}

export function createFillService({
  accounts,
  clock,
}: {
  accounts: AccountsService;
  clock?: Pick<ClockService, 'check'>;
}) {
  return {
    async fill(
      tab: Browser.tabs.Tab,
      { id, frameId, confirmFrame, confirmSite, remember = false }: FillRequest,
    ): Promise<FillOutcome> {
      const site = siteOf(tab.url);
      if (!site || tab.id === undefined) return { filled: false, reason: 'restricted' };
      const { digits, sites } = await accounts.fillTarget(id);
      const field = await findCodeField(tab.id, digits, frameId);
      if ('reason' in field) return { filled: false, reason: field.reason };
      if (field.origin !== field.pageOrigin && confirmFrame !== field.origin)
        return { filled: false, reason: 'confirm-frame', site, frame: field.origin };
      if (!sites.includes(site) && confirmSite !== site)
        return { filled: false, reason: 'confirm-site', site, bound: sites };
      // A code field on a site the user agreed to: check the clock against it beside the fill (not awaited).
      void clock?.check(tab);
      const result = await fillFrame(tab.id, field, await accounts.codeFor(id), frameId !== undefined);
      if (remember && confirmSite === site) await accounts.bindSite(id, site);
      return result.filled ? { ...result, site } : result;
    },
  };
}

export type FillService = ReturnType<typeof createFillService>;
