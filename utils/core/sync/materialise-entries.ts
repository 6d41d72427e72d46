/**
 * Joined records back into vault entries and bookkeeping: the living accounts sorted by position
 * then id, each with its bound sites (in the order they were bound) and its HOTP counter; the
 * site icon, which never travels, kept from this device's entry of the same id.
 */
import type { VaultEntry } from '../vault/vault-contents';
import type { SiteIcon } from '../accounts/site-icon';
import { accountWith } from './entry-data';
import { comparePlaces } from './place-entries';
import { compareStamps } from './stamp';
import type { LocalRecord, SiteRegister, Stamp, SyncMeta, SyncRecord } from './sync-types';

export function materialiseEntries(
  records: Iterable<SyncRecord>,
  icons: ReadonlyMap<string, SiteIcon>,
  clock: Stamp,
): { entries: VaultEntry[]; sync: SyncMeta } {
  const alive: { place: [number, string]; entry: VaultEntry }[] = [];
  const meta: SyncMeta = { clock, records: {}, dead: {} };
  for (const record of records) {
    const stamps: LocalRecord = { r: record.r, o: record.o };
    if (record.s) stamps.s = record.s;
    meta.records[record.id] = stamps;
    if (!record.e) {
      meta.dead[record.id] = record.r;
      if (record.n !== undefined) stamps.n = record.n;
      continue;
    }
    const entry: VaultEntry = {
      id: record.id,
      account: accountWith(record.e.account, record.n),
      addedAt: record.e.addedAt,
    };
    if (record.e.pinned) entry.pinned = true;
    const sites = boundSites(record.s);
    if (sites.length) entry.sites = sites;
    if (record.e.tags?.length) entry.tags = [...record.e.tags];
    const icon = icons.get(record.id);
    if (icon) entry.icon = icon;
    alive.push({ place: [record.o[1], record.id], entry });
  }
  alive.sort((a, b) => comparePlaces(a.place, b.place));
  return { entries: alive.map(({ entry }) => entry), sync: meta };
}

/** The sites bound, in the order they were bound (ties: by name). */
export function boundSites(sites: Readonly<Record<string, SiteRegister>> | undefined): string[] {
  return Object.entries(sites ?? {})
    .filter(([, register]) => register[1] === 1)
    .sort(([siteA, [a]], [siteB, [b]]) => compareStamps(a, b) || (siteA < siteB ? -1 : 1))
    .map(([site]) => site);
}
