import { matchesSite } from '../fill/matches-site';
import { siteOf } from '../fill/site-of';

interface Matchable {
  readonly sites?: readonly string[];
  readonly account: { readonly issuer: string };
}

/**
 * Which accounts belong to a page: those bound to its site (the user filled there and chose to
 * remember it), and those only named like its host name ("GitHub" on github.com).
 */
export function pageMatcher(url: string | undefined) {
  const site = siteOf(url);
  const hostname = url && site ? new URL(url).hostname : undefined;
  return {
    bound: (entry: Matchable) => site !== undefined && entry.sites?.includes(site) === true,
    named: (entry: Matchable) => hostname !== undefined && matchesSite(entry.account.issuer, hostname),
  };
}
