/**
 * This device's records, rebuilt from the vault contents: the values from the entries, the
 * stamps from the sync bookkeeping. Deleted accounts are tombstones with their last order, sites
 * and HOTP counter. An entry that somehow has no stamps yet counts as written at the beginning of
 * time, so that any real write of it elsewhere wins and nothing of it is lost.
 */
import type { VaultContents } from '../vault/vault-contents';
import { entryData } from './entry-data';
import type { Stamp, SyncMeta, SyncRecord } from './sync-types';

export function localRecords(contents: VaultContents, device: string): Map<string, SyncRecord> {
  const meta: Pick<SyncMeta, 'records' | 'dead'> = contents.sync ?? { records: {}, dead: {} };
  const records = new Map<string, SyncRecord>();
  const unknown: Stamp = { t: 0, c: 0, d: device };
  contents.entries.forEach((entry, index) => {
    const stamps = meta.records[entry.id];
    const record: SyncRecord = {
      id: entry.id,
      r: stamps?.r ?? unknown,
      e: entryData(entry),
      o: stamps?.o ?? [unknown, index + 1],
    };
    if (entry.account.type === 'hotp') record.n = entry.account.counter;
    if (stamps?.s) record.s = stamps.s;
    else if (entry.sites?.length) record.s = Object.fromEntries(entry.sites.map((site) => [site, [unknown, 1]]));
    records.set(entry.id, record);
  });
  for (const [id, stamps] of Object.entries(meta.records)) {
    if (records.has(id)) continue;
    const record: SyncRecord = { id, r: meta.dead[id] ?? stamps.r, o: stamps.o };
    if (stamps.n !== undefined) record.n = stamps.n;
    if (stamps.s) record.s = stamps.s;
    records.set(id, record);
  }
  return records;
}
