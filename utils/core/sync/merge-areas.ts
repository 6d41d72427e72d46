/**
 * Reading other devices' areas: every record joined into this device's own (join-records.ts),
 * then written back as entries (materialise-entries.ts). Since the join is commutative,
 * associative and idempotent, the areas may arrive in any order, late, or twice: devices that
 * have read the same writes hold the same accounts. The clock moves past every stamp seen, so
 * whatever this device does next is stamped above what it has seen; and when anything changed it
 * ticks once more, which tells `stampChanges` that the meta of this update was set here.
 */
import type { SiteIcon } from '../accounts/site-icon';
import type { VaultContents, VaultEntry } from '../vault/vault-contents';
import { entryText } from './entry-data';
import { coversRecord, joinRecords } from './join-records';
import { localRecords } from './local-records';
import { materialiseEntries } from './materialise-entries';
import { maxStamp, nextStamp } from './stamp';
import { startSync } from './start-sync';
import type { Stamp, SyncArea, SyncMeta, SyncRecord } from './sync-types';

export function mergeAreas(
  local: VaultContents,
  areas: readonly SyncArea[],
  device: string,
  now: number,
): { contents: VaultContents; changed: boolean } {
  const base = startSync(local, device, now);
  const joined = localRecords(base, device);
  let clock = base.sync!.clock;
  let news = false;
  for (const area of areas) {
    for (const record of area.records) {
      const mine = joined.get(record.id);
      if (mine && coversRecord(mine, record)) continue;
      joined.set(record.id, mine ? joinRecords(mine, record) : record);
      clock = maxStamp(clock, newestStamp(record));
      news = true;
    }
  }
  // Nothing new (the common case: reading areas already merged): no entry to rebuild.
  if (!news && base === local) return { contents: local, changed: false };
  const icons = new Map<string, SiteIcon>();
  for (const entry of base.entries) if (entry.icon) icons.set(entry.id, entry.icon);
  const merged = materialiseEntries(sortedById(joined), icons, clock);
  const changed = base !== local || !sameEntries(base.entries, merged.entries) || !sameMeta(base.sync!, merged.sync);
  if (!changed) return { contents: local, changed: false };
  merged.sync.clock = nextStamp(maxStamp(clock, base.sync!.clock), now, device);
  return { contents: { ...base, entries: merged.entries, sync: merged.sync }, changed: true };
}

function sortedById(records: Map<string, SyncRecord>): SyncRecord[] {
  return [...records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function newestStamp(record: SyncRecord): Stamp {
  let newest = maxStamp(record.r, record.o[0]);
  for (const [stamp] of Object.values(record.s ?? {})) newest = maxStamp(newest, stamp);
  return newest;
}

function entrySummary(entry: VaultEntry): string {
  const counter = entry.account.type === 'hotp' ? entry.account.counter : null;
  return JSON.stringify([entry.id, entryText(entry), counter, entry.sites ?? [], entry.icon ?? null]);
}

function sameEntries(a: readonly VaultEntry[], b: readonly VaultEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => entrySummary(entry) === entrySummary(b[i]!));
}

/** The same registers (the clock aside), whatever the order of the keys. */
function sameMeta(a: SyncMeta, b: SyncMeta): boolean {
  const text = (meta: SyncMeta) =>
    JSON.stringify(
      Object.keys(meta.records)
        .sort()
        .map((id) => {
          const { r, o, s, n } = meta.records[id]!;
          const sites = Object.keys(s ?? {})
            .sort()
            .map((site) => [site, s![site]]);
          return [id, r, o, sites, n ?? null, meta.dead[id] ?? null];
        }),
    );
  return text(a) === text(b);
}
