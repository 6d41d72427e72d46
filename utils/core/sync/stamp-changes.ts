/**
 * Local edits become register writes: `vault-store` calls this inside every update while sync
 * is on, with the contents before and after the change, and it stamps what changed with one new
 * stamp above everything this device has made or seen (so an edit made after seeing another
 * device's write wins over it, and a deletion wins over the edits it saw, not over newer ones).
 * - data (account, pin, tags) changed, or an entry added or brought back: the data register;
 * - an entry gone: a tombstone in the data register, keeping its order, sites and HOTP counter;
 * - the order changed: only the entries that moved get new positions (place-entries.ts);
 * - a site bound or unbound: that site's register. The HOTP counter needs no stamp (max).
 * A change that set `sync` itself (startSync, or a merge, which always moves the clock) is
 * taken as it is. `after` is changed in place (its `sync`, and each entry's sites put in their
 * synced order), so it must share no objects with `before` (vault-store clones it).
 */
import type { VaultContents, VaultEntry } from '../vault/vault-contents';
import { entryText } from './entry-data';
import { boundSites } from './materialise-entries';
import { placeEntries } from './place-entries';
import { compareStamps, nextStamp } from './stamp';
import type { LocalRecord, Stamp } from './sync-types';

export function stampChanges(before: VaultContents, after: VaultContents, device: string, now: number): void {
  const meta = after.sync;
  if (!meta || !before.sync || compareStamps(meta.clock, before.sync.clock) !== 0) return;
  let stamp: Stamp | undefined;
  const next = () => (stamp ??= nextStamp(meta.clock, now, device));
  const previous = new Map(before.entries.map((entry) => [entry.id, entry]));
  const present = new Set<string>();

  for (const entry of after.entries) {
    present.add(entry.id);
    const old = previous.get(entry.id);
    let record = meta.records[entry.id];
    const revived = !record || meta.dead[entry.id] !== undefined || !old;
    if (!record) record = meta.records[entry.id] = { r: next(), o: [next(), NaN] };
    if (revived || entryText(old!) !== entryText(entry)) {
      record.r = next();
      delete meta.dead[entry.id];
      delete record.n;
    }
    stampSites(record, entry, next);
  }
  for (const entry of before.entries) {
    if (present.has(entry.id)) continue;
    const record = (meta.records[entry.id] ??= { r: next(), o: [next(), 0] });
    record.r = meta.dead[entry.id] = next();
    if (entry.account.type === 'hotp') record.n = entry.account.counter;
  }
  stampOrder(after.entries, meta.records, next);
  if (stamp) meta.clock = stamp;
}

/**
 * Each site bound or unbound since the registers were last set gets its own write. The entry's
 * sites are then put in the order every device shows them (boundSites: by when bound), so a
 * merge that brings nothing new never has to rewrite an entry.
 */
function stampSites(record: LocalRecord, entry: VaultEntry, next: () => Stamp): void {
  const wanted = new Set(entry.sites ?? []);
  let changed = false;
  for (const site of wanted)
    if (record.s?.[site]?.[1] !== 1) {
      (record.s ??= {})[site] = [next(), 1];
      changed = true;
    }
  for (const [site, register] of Object.entries(record.s ?? {}))
    if (register[1] === 1 && !wanted.has(site)) {
      record.s![site] = [next(), 0];
      changed = true;
    }
  if (changed && entry.sites?.length) entry.sites = boundSites(record.s);
}

function stampOrder(entries: readonly VaultEntry[], records: Record<string, LocalRecord>, next: () => Stamp): void {
  const ids = entries.map((entry) => entry.id);
  const places = new Map<string, number>();
  for (const id of ids) {
    const place = records[id]!.o[1];
    if (Number.isFinite(place)) places.set(id, place);
  }
  const placed = placeEntries(ids, places);
  if (placed) for (const [id, place] of placed) records[id]!.o = [next(), place];
  else ids.forEach((id, index) => (records[id]!.o = [next(), index + 1]));
}
