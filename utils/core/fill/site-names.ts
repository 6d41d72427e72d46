/**
 * The public-suffix answers a decision needs (issue 19): sites of host names (site-table.ts) and
 * brands of issuers written as domains (brand-of.ts). The worker fills them from its caches or
 * the helper (utils/fill/site-resolver.ts) for exactly the names listed in `NamesNeeded`; tests
 * use tldts itself (site-of.ts:publicSuffixNames).
 */
import { labelTable, type IcannLabelOf } from './brand-of';
import { siteTable, type SiteOf } from './site-table';

export interface SiteNames {
  siteOf: SiteOf;
  icannLabel: IcannLabelOf;
}

/** What to look up: host names (their registrable domains) and issuers written as domains (their ICANN labels). */
export interface NamesNeeded {
  hosts: string[];
  names: string[];
}

export const NOTHING_NEEDED: NamesNeeded = { hosts: [], names: [] };

/** SiteNames read from looked-up tables; a name missing from them throws (a lookup was forgotten). */
export function siteNames(
  hosts: ReadonlyMap<string, string | null>,
  labels: ReadonlyMap<string, string | null>,
): SiteNames {
  return { siteOf: siteTable(hosts), icannLabel: labelTable(labels) };
}
