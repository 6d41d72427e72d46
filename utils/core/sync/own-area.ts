/**
 * What this device publishes (its own keys of `storage.sync`): each record, as joined here, unless
 * the other areas already cover it, so the synced total stays near one copy of each account:
 * - a record the others' join does not cover is published (this device knows something more);
 * - a covered one is kept only if this device's last area already holds it whole and no device
 *   with a lower id holds it whole too: of several full copies the lowest device's stays, and a
 *   device never takes over a record someone else already carries.
 * Every device's state is thus in its own area or covered by the others', so when no device has
 * anything left to write, every reader's join is the same: the union of all areas.
 * `others` may include this device's last area (found by its id): it tells what is already
 * written, never what is covered. Null: nothing to write (the same records and label as the last
 * area, or nothing at all and no last area).
 */
import type { VaultContents } from '../vault/vault-contents';
import { dataText } from './entry-data';
import { coversRecord, joinRecords } from './join-records';
import { localRecords } from './local-records';
import type { SyncArea, SyncRecord } from './sync-types';

export function ownArea(
  local: VaultContents,
  others: readonly SyncArea[],
  device: string,
  label: string,
  now: number,
): SyncArea | null {
  const last = others.find((area) => area.device === device);
  const lastRecords = byId(last?.records ?? []);
  const foreign = others
    .filter((area) => area.device !== device)
    .map((area) => ({ area, records: byId(area.records) }));
  const covered = new Map<string, SyncRecord>();
  for (const { area } of foreign)
    for (const record of area.records) {
      const seen = covered.get(record.id);
      covered.set(record.id, seen ? joinRecords(seen, record) : record);
    }
  const records: SyncRecord[] = [];
  for (const record of localRecords(local, device).values()) {
    const others = covered.get(record.id);
    if (others && coversRecord(others, record)) {
      const held = lastRecords.get(record.id);
      if (!held || !coversRecord(held, record)) continue;
      const lower = foreign.some(({ area, records: theirs }) => {
        const copy = theirs.get(record.id);
        return area.device < device && copy !== undefined && coversRecord(copy, record);
      });
      if (lower) continue;
    }
    records.push(record);
  }
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (last ? last.label === label && sameRecords(last.records, records) : records.length === 0) return null;
  return { device, label, at: now, records };
}

function byId(records: readonly SyncRecord[]): Map<string, SyncRecord> {
  return new Map(records.map((record) => [record.id, record]));
}

function recordText(record: SyncRecord): string {
  const sites = Object.keys(record.s ?? {})
    .sort()
    .map((site) => [site, record.s![site]]);
  return JSON.stringify([record.id, record.r, dataText(record.e), record.n ?? null, record.o, sites]);
}

function sameRecords(a: readonly SyncRecord[], b: readonly SyncRecord[]): boolean {
  if (a.length !== b.length) return false;
  const texts = new Set(a.map(recordText));
  return b.every((record) => texts.has(recordText(record)));
}
