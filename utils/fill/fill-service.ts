/**
 * A fill as the user asked for it (a click on an account, or the field menu): find the code field
 * first, then check it before any code leaves the background.
 * - The page the agent found must be the page whose address was checked (the tab may have
 *   navigated since), and the code goes only to the document asked (tab-filler.ts).
 * - The field is in a frame from another origin than the page: the user is asked (`confirmFrame`
 *   is their yes, naming that origin).
 * - The account is not bound to the page (site-check.ts: the first fill there, another origin of
 *   the same site, an http page of an https one, a look-alike): the user is asked
 *   (`confirmOrigin`), and the page's origin, or where offered its whole site, is remembered if
 *   they want.
 * Sites and look-alikes come from the public suffix list, through the site resolver (its caches,
 * else the helper), looked up while the code field is searched for.
 * Only then does the code go to the one frame chosen. Once a code field is found, a clock check of
 * the page's site starts beside the fill (clock-service.ts).
 */
import type { Browser } from 'wxt/browser';
import { originOf } from '../core/fill/binding-covers';
import { checkSite, siteCheckHosts } from '../core/fill/site-check';
import type { AccountsService } from '../accounts/accounts-service';
import type { FillOutcome } from '../core/fill/fill-outcome';
import type { ClockService } from '../clock/clock-service';
import { fillFrame, findCodeField } from './tab-filler';
import type { IconCapture } from './capture-site-icon';
import type { SiteResolver } from './site-resolver';

export interface FillRequest {
  id: string;
  /** The frame the user right-clicked a field in: its focused field takes the code. */
  frameId?: number;
  /** The origin of the frame the user agreed to fill, after being asked. */
  confirmFrame?: string;
  /** The page origin the user agreed to fill on, after being asked. */
  confirmOrigin?: string;
  /** Remember the page's origin (the default choice) or its whole site for this account. */
  remember?: 'origin' | 'site';
  /** A fill asked for while locked: the document it was asked on (Chrome), which must still be there. */
  documentId?: string;
}

export function createFillService({
  accounts,
  sites: resolver,
  clock,
  icons,
}: {
  accounts: AccountsService;
  sites: SiteResolver;
  clock?: Pick<ClockService, 'check'>;
  /** Firefox: keeps the site's icon of an account filled on a page it is bound to. */
  icons?: Pick<IconCapture, 'capture'>;
}) {
  return {
    async fill(
      tab: Browser.tabs.Tab,
      { id, frameId, confirmFrame, confirmOrigin, remember, documentId }: FillRequest,
    ): Promise<FillOutcome> {
      const origin = originOf(tab.url);
      if (!origin || tab.id === undefined) return { filled: false, reason: 'restricted' };
      const pageUrl = tab.url!;
      const { digits, sites, issuer } = await accounts.fillTarget(id);
      // The page's and its bound origins' sites: from a cache, or the helper beside the search.
      const names = resolver.names({ hosts: siteCheckHosts(sites, pageUrl) });
      names.catch(() => undefined); // awaited below, unless the search fails first
      const field = await findCodeField(tab.id, digits, frameId, documentId);
      if ('reason' in field) return { filled: false, reason: field.reason };
      const { siteOf } = await names;
      const site = siteOf(pageUrl)!;
      // The agent's top frame is another page than the address checked: it navigated in between.
      if (field.pageOrigin !== origin) return { filled: false, reason: 'navigated' };
      if (field.origin !== field.pageOrigin && confirmFrame !== field.origin)
        return { filled: false, reason: 'confirm-frame', site, frame: field.origin };
      const check = await checkSite({ sites, issuer, pageUrl }, { siteOf, lookAlike: resolver.lookAlike });
      if (!check.covered && confirmOrigin !== origin) {
        const { covered: _, ...question } = check;
        return { filled: false, reason: 'confirm-site', ...question };
      }
      // A code field on a page the user agreed to: check the clock against it beside the fill (not awaited).
      void clock?.check(tab);
      const result = await fillFrame(tab.id, field, await accounts.codeFor(id), frameId !== undefined);
      if (!result.filled && result.reason === 'navigated') return result;
      if (!check.covered && remember)
        await accounts.bindSite(id, remember === 'site' && check.wholeSite ? check.wholeSite : origin);
      // Bound (before, or just now): the page's icon may stand for the account (not awaited).
      if (result.filled && (check.covered || remember)) void icons?.capture(tab.id, id, origin);
      return result.filled ? { ...result, site } : result;
    },
  };
}

export type FillService = ReturnType<typeof createFillService>;
