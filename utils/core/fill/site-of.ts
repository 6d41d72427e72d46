/**
 * The "site" an account is bound to, from a page's address: its registrable domain (public
 * suffix aware, via tldts: `accounts.google.com` and `mail.google.com` are one site,
 * `alice.github.io` and `bob.github.io` are two). Addresses without one (an IP address,
 * `localhost`) keep their host and port, so two local services on two ports are two sites.
 *
 * tldts carries the whole public suffix list (~45 KiB gzipped): only the helper's `site` chunk
 * (utils/helper/site-tasks.ts) and tests import this file. The worker reads the same answers
 * from tables (site-table.ts, brand-of.ts) the helper filled.
 */
import { parse } from 'tldts';
import type { SiteNames } from './site-names';
import { siteWith, type SiteOf } from './site-table';

/** A host name's registrable domain, private suffixes included (`alice.github.io`); null: none (an IP). */
export function registrableDomainOf(hostname: string): string | null {
  const { domain, isIp } = parse(hostname, { allowPrivateDomains: true });
  return domain && !isIp ? domain : null;
}

export const siteOf: SiteOf = (url) => siteWith(url, registrableDomainOf);

/** The label of a name's registrable domain under a known ICANN suffix ("Amazon.co.uk" → "amazon"), else null. */
export function icannLabelOf(name: string): string | null {
  const { isIcann, domainWithoutSuffix } = parse(name);
  return isIcann && domainWithoutSuffix ? domainWithoutSuffix : null;
}

/** The lookups straight from tldts: the oracle the tables must agree with. */
export const publicSuffixNames: SiteNames = {
  siteOf,
  icannLabel: (name) => icannLabelOf(name) ?? undefined,
};
