/**
 * A fill as the user asked for it (a click on an account): find the code field first, then check
 * the page's site against the sites bound to the account. Unbound (the first fill there) or bound
 * elsewhere (maybe a phishing page): nothing is sent, and the popup asks; with the user's yes
 * (`confirmSite`) the code goes to the one frame chosen, and the site is remembered if asked.
 */
import type { Browser } from 'wxt/browser';
import { siteOf } from './core/site-of';
import type { AccountsService } from './accounts-service';
import { fillFrame, findCodeField, type FillFailure } from './tab-filler';

export type FillOutcome =
  | { filled: true; how: 'single' | 'split'; site: string }
  | { filled: false; reason: FillFailure }
  /** Ask first: `bound` is empty on the first fill for this account, else where it is used. */
  | { filled: false; reason: 'confirm-site'; site: string; bound: string[] };

export interface FillRequest {
  id: string;
  /** The site the user agreed to fill on, after being asked. */
  confirmSite?: string;
  /** Remember `confirmSite` for this account. */
  remember?: boolean;
}

export function createFillService({ accounts }: { accounts: AccountsService }) {
  return {
    async fill(tab: Browser.tabs.Tab, { id, confirmSite, remember = false }: FillRequest): Promise<FillOutcome> {
      const site = siteOf(tab.url);
      if (!site || tab.id === undefined) return { filled: false, reason: 'restricted' };
      const { digits, sites } = await accounts.fillTarget(id);
      const field = await findCodeField(tab.id, digits);
      if ('reason' in field) return { filled: false, reason: field.reason };
      if (!sites.includes(site) && confirmSite !== site) return { filled: false, reason: 'confirm-site', site, bound: sites };
      const result = await fillFrame(tab.id, field.frameId, await accounts.codeFor(id));
      if (remember && confirmSite === site) await accounts.bindSite(id, site);
      return result.filled ? { ...result, site } : result;
    },
  };
}

export type FillService = ReturnType<typeof createFillService>;
