/**
 * The public-suffix answers the worker's decisions need (core/fill/site-names.ts), without tldts
 * in the worker (issue 19): from memory, then from this session's cache (site-names-item.ts, so a
 * woken worker does not ask again), then from the helper's `site` chunk for what is left, in one
 * task per kind. Asked for nothing, it answers at once without reading storage: the popup's
 * first answer usually needs no lookup (core/accounts/page-matcher.ts:pageNamesNeeded).
 * Host names and issuers say which sites the user has accounts on, so a lock forgets them.
 */
import type { LookAlike } from '../core/fill/look-alike';
import { siteNames, type NamesNeeded, type SiteNames } from '../core/fill/site-names';
import { hostnameOf } from '../core/fill/site-table';
import type { HelperClient } from '../helper/helper-client';
import { lockEpoch, onLock, sameEpoch } from '../vault/lock-epoch';
import { siteNamesItem, type CachedSiteNames } from './site-names-item';

/** How many host names (and as many issuers) the session keeps; the oldest go first. */
export const SITE_CACHE_SIZE = 200;

export interface SiteResolver {
  /** Lookups that answer every name in `needed` (and throw for others). */
  names(needed: Partial<NamesNeeded>): Promise<SiteNames>;
  /** A page's site (core/fill/site-table.ts), looked up. */
  siteOf(url: string | undefined): Promise<string | undefined>;
  /** Whether the page's address misuses the issuer's brand (core/fill/look-alike.ts), from the helper. */
  lookAlike(issuer: string, pageUrl: string): Promise<LookAlike | undefined>;
}

type Table = Map<string, string | null>;

export function createSiteResolver({
  helper,
  cacheSize = SITE_CACHE_SIZE,
}: {
  helper: Pick<HelperClient, 'run'>;
  cacheSize?: number;
}): SiteResolver {
  const hosts: Table = new Map();
  const labels: Table = new Map();
  let sessionRead: Promise<void> | undefined;
  onLock(() => {
    hosts.clear();
    labels.clear();
    sessionRead = undefined;
    void siteNamesItem.removeValue();
  });

  /**
   * This session's cache, once per worker: under what memory already has. Unreadable, it is empty.
   * A read still under way when the vault locks keeps nothing: those names are the locked session's.
   */
  function readSession(): Promise<void> {
    if (sessionRead) return sessionRead;
    const since = lockEpoch();
    const read = siteNamesItem.getValue().then(
      (cached) => {
        if (!sameEpoch(since)) return;
        for (const [host, domain] of cached?.hosts ?? []) if (!hosts.has(host)) hosts.set(host, domain);
        for (const [name, label] of cached?.labels ?? []) if (!labels.has(name)) labels.set(name, label);
      },
      () => undefined,
    );
    sessionRead = read;
    // Locked while reading: the next question reads again (the lock removed the stored names).
    void read.then(() => {
      if (!sameEpoch(since) && sessionRead === read) sessionRead = undefined;
    });
    return read;
  }

  /** The newest cacheSize answers of each kind (memory keeps all: it ends with the worker). */
  async function saveSession(): Promise<void> {
    const newest = (table: Table) => [...table].slice(-cacheSize);
    const cached: CachedSiteNames = { hosts: newest(hosts), labels: newest(labels) };
    await siteNamesItem.setValue(cached);
  }

  async function names(needed: Partial<NamesNeeded>): Promise<SiteNames> {
    const wanted = (table: Table, keys: Iterable<string> = []) => [...new Set(keys)].filter((key) => !table.has(key));
    // Copies: a lock clears the tables, and must not empty the lookups a request is still using.
    const answer = () => siteNames(new Map(hosts), new Map(labels));
    if (!wanted(hosts, needed.hosts).length && !wanted(labels, needed.names).length) return answer();
    const since = lockEpoch();
    await readSession();
    const missingHosts = wanted(hosts, needed.hosts);
    const missingNames = wanted(labels, needed.names);
    if (!missingHosts.length && !missingNames.length) return answer();
    const [domains, icann] = await Promise.all([
      missingHosts.length ? helper.run('registrableDomains', { hosts: missingHosts }) : {},
      missingNames.length ? helper.run('icannLabels', { names: missingNames }) : {},
    ]);
    const newHosts = answers(missingHosts, domains);
    const newLabels = answers(missingNames, icann);
    // Locked meanwhile: answer this question, but keep nothing.
    if (!sameEpoch(since)) return siteNames(new Map([...hosts, ...newHosts]), new Map([...labels, ...newLabels]));
    for (const [host, domain] of newHosts) hosts.set(host, domain);
    for (const [name, label] of newLabels) labels.set(name, label);
    // A cache that cannot be written only means asking again after the worker stops.
    await saveSession().catch(() => undefined);
    return answer();
  }

  return {
    names,
    async siteOf(url) {
      const host = hostnameOf(url);
      return (await names({ hosts: host === undefined ? [] : [host] })).siteOf(url);
    },
    async lookAlike(issuer, pageUrl) {
      return (await helper.run('lookAlike', { issuer, pageUrl })) ?? undefined;
    },
  };
}

/** The helper's answers for `keys`, checked: each a string or null. */
function answers(keys: string[], found: Record<string, string | null>): Table {
  const table: Table = new Map();
  for (const key of keys) {
    const answer = Object.hasOwn(found, key) ? found[key] : undefined;
    if (answer !== null && typeof answer !== 'string') throw new Error(`The helper did not look up ${key}.`);
    table.set(key, answer);
  }
  return table;
}
