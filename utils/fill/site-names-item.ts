import { defineItem } from '../background/stored-item';

/**
 * Public-suffix answers the helper gave this session (utils/fill/site-resolver.ts), so a woken
 * worker need not ask again: host name → registrable domain, issuer written as a domain → its
 * ICANN label (null: none). Oldest first, at most SITE_CACHE_SIZE of each; dropped on lock.
 */
export interface CachedSiteNames {
  hosts: [string, string | null][];
  labels: [string, string | null][];
}

export const siteNamesItem = defineItem<CachedSiteNames>('session:siteNames');
