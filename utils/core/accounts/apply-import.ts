import type { Account } from '../otp/account';
import type { VaultEntry } from '../vault/vault-contents';
import { findEntry } from './find-entry';

/** One account to import: new, or replacing the stored account `replaces`. */
export interface ImportItem {
  account: Account;
  replaces?: string;
  /** Sites where it is used (a scan on the page that showed it). */
  sites?: readonly string[];
  /** Its groups in the app it came from. */
  tags?: readonly string[];
  /** From a Tessera backup. */
  pinned?: boolean;
}

/**
 * Adds the new accounts at the end, and puts replacements in place of the stored ones, keeping
 * their place and pin and merging their sites and tags. Changes `entries`; the caller writes them
 * in one vault write, so an import lands whole or not at all.
 */
export function applyImport(
  entries: VaultEntry[],
  items: readonly ImportItem[],
  { now, newId }: { now: number; newId: () => string },
): void {
  for (const { account, replaces, sites = [], tags = [], pinned } of items) {
    if (replaces === undefined) {
      entries.push({
        id: newId(),
        account,
        addedAt: now,
        ...(pinned ? { pinned } : {}),
        ...(sites.length ? { sites: [...sites] } : {}),
        ...(tags.length ? { tags: [...tags] } : {}),
      });
      continue;
    }
    const entry = findEntry(entries, replaces);
    entry.account = account;
    const mergedSites = [...new Set([...(entry.sites ?? []), ...sites])];
    if (mergedSites.length) entry.sites = mergedSites;
    const mergedTags = [...new Set([...(entry.tags ?? []), ...tags])];
    if (mergedTags.length) entry.tags = mergedTags;
  }
}
