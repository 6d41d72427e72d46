import { bindingCovers, originOf } from '../fill/binding-covers';
import { matchesSite } from '../fill/matches-site';

interface Matchable {
  readonly sites?: readonly string[];
  readonly account: { readonly issuer: string };
}

/**
 * Which accounts belong to a page: those bound to it (its origin, or its whole site on https:
 * binding-covers.ts), and those only named like its host name ("GitHub" on github.com), which
 * are listed first but still asked about before a fill.
 */
export function pageMatcher(url: string | undefined) {
  const hostname = originOf(url) ? new URL(url!).hostname : undefined;
  return {
    bound: (entry: Matchable) => entry.sites?.some((binding) => bindingCovers(binding, url)) === true,
    named: (entry: Matchable) => hostname !== undefined && matchesSite(entry.account.issuer, hostname),
  };
}
