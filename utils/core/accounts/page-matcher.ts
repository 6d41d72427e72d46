import { bindingCovers, hostToCheck, originOf } from '../fill/binding-covers';
import { matchesSite, nameToCheck } from '../fill/matches-site';
import type { NamesNeeded, SiteNames } from '../fill/site-names';

interface Matchable {
  readonly sites?: readonly string[];
  readonly account: { readonly issuer: string };
}

/**
 * Which accounts belong to a page: those bound to it (its origin, or its whole site on https:
 * binding-covers.ts), and those only named like its host name ("GitHub" on github.com), which
 * are listed first but still asked about before a fill. `names` answers only what
 * `pageNamesNeeded` listed for the same page and accounts.
 */
export function pageMatcher(url: string | undefined, names: SiteNames) {
  const hostname = pageHostname(url);
  return {
    bound: (entry: Matchable) => entry.sites?.some((binding) => bindingCovers(binding, url, names.siteOf)) === true,
    named: (entry: Matchable) =>
      hostname !== undefined && matchesSite(entry.account.issuer, hostname, names.icannLabel),
  };
}

/**
 * The public-suffix lookups pageMatcher makes for these accounts on this page: none on most
 * openings of the popup, when no bare binding could be the page's site and no issuer written as
 * a domain could name it (issue 19: the popup's first answer then never waits for the helper).
 */
export function pageNamesNeeded(url: string | undefined, entries: Iterable<Matchable>): NamesNeeded {
  const hostname = pageHostname(url);
  const hosts = new Set<string>();
  const names = new Set<string>();
  if (hostname === undefined) return { hosts: [], names: [] };
  for (const entry of entries) {
    for (const binding of entry.sites ?? []) {
      const host = hostToCheck(binding, url);
      if (host !== undefined) hosts.add(host);
    }
    const name = nameToCheck(entry.account.issuer, hostname);
    if (name !== undefined) names.add(name);
  }
  return { hosts: [...hosts], names: [...names] };
}

function pageHostname(url: string | undefined): string | undefined {
  return originOf(url) ? new URL(url!).hostname : undefined;
}
