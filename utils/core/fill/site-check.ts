/**
 * Whether a code may go to a page unasked, and if not, which question to ask. Only a binding
 * (binding-covers.ts) makes a fill silent; an issuer that looks like the page's name never does.
 * The question is a warning ("Don't fill" first, Remember unticked) when:
 * - `insecure`: the account is used on the https version of this http page;
 * - `other-origin`: it is used elsewhere on the same site (others may publish pages there:
 *   Google Forms and Sites on google.com);
 * - `elsewhere`: it is used on other sites only (the classic phishing page);
 * - a look-alike (look-alike.ts): an unbound account whose brand the address misuses;
 * - `insecure-page`: an unbound account on a plain http page other than loopback, where the code
 *   could be read on the way, and "Remember" would bind an origin to fill there silently.
 * Otherwise (an unbound account on a page that may be its own) it is the friendly first-fill question.
 * The public-suffix answers come in (`SiteLookups`): sites from a table of the hosts
 * `siteCheckHosts` names, look-alikes from the helper, asked only for an unbound account.
 */
import { bindingCovers, downgradedBinding, insecurePage, originOf, wholeSiteOf } from './binding-covers';
import type { LookAlike } from './look-alike';
import { hostnameOf, type SiteOf } from './site-table';

export type SiteWarning = 'insecure' | 'other-origin' | 'elsewhere' | LookAlike | 'insecure-page';

export interface SiteQuestion {
  /** The page's origin: what "Remember" binds by default. */
  origin: string;
  /** The page's site, for display: its registrable domain, or host for an IP address. */
  site: string;
  /** The site-wide binding the question may offer ("all of google.com"): https pages with a registrable domain only. */
  wholeSite?: string;
  /** Where the account is used today. */
  bound: string[];
  warning?: SiteWarning;
}

export interface SiteLookups {
  siteOf: SiteOf;
  lookAlike: (issuer: string, pageUrl: string) => Promise<LookAlike | undefined>;
}

export async function checkSite(
  { sites, issuer, pageUrl }: { sites: readonly string[]; issuer: string; pageUrl: string },
  { siteOf, lookAlike }: SiteLookups,
): Promise<{ covered: true } | ({ covered: false } & SiteQuestion)> {
  const origin = originOf(pageUrl);
  const site = siteOf(pageUrl);
  if (!origin || !site) throw new TypeError(`Not a web page: ${pageUrl}`);
  if (sites.some((binding) => bindingCovers(binding, pageUrl, siteOf))) return { covered: true };
  const wholeSite = wholeSiteOf(pageUrl, siteOf);
  const question = { covered: false as const, origin, site, ...(wholeSite ? { wholeSite } : {}), bound: [...sites] };
  const warning: SiteWarning | undefined = downgradedBinding(sites, pageUrl, siteOf)
    ? 'insecure'
    : sites.length
      ? sites.some((binding) => bindingSite(binding, siteOf) === site)
        ? 'other-origin'
        : 'elsewhere'
      : ((await lookAlike(issuer, pageUrl)) ?? (insecurePage(pageUrl) ? 'insecure-page' : undefined));
  return warning ? { ...question, warning } : question;
}

/** The host names whose sites checkSite reads: the page's, and those of the account's bound origins. */
export function siteCheckHosts(sites: readonly string[], pageUrl: string): string[] {
  const bound = sites.filter((binding) => binding.includes('://')).map(hostnameOf);
  return [...new Set([hostnameOf(pageUrl), ...bound].filter((host) => host !== undefined))];
}

/** The site of a binding, origin or bare. */
function bindingSite(binding: string, siteOf: SiteOf): string | undefined {
  return binding.includes('://') ? siteOf(binding) : binding.toLowerCase();
}
