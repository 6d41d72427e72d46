/**
 * The join of two records of one account, register by register (sync-types.ts): the data, order
 * and each site register keep the higher stamp, the HOTP counter the larger number. Two different
 * values under one stamp cannot come from honest devices (a stamp names its device, and a device
 * never stamps twice alike), but should one arrive, the larger value wins, so the join stays
 * commutative and every device still picks the same one.
 */
import { dataText, sameData } from './entry-data';
import { compareStamps } from './stamp';
import type { OrderRegister, SiteRegister, SyncRecord } from './sync-types';

function newerData(a: SyncRecord, b: SyncRecord): SyncRecord {
  const order = compareStamps(a.r, b.r);
  if (order !== 0) return order > 0 ? a : b;
  return sameData(a.e, b.e) || dataText(a.e) >= dataText(b.e) ? a : b;
}

function newerRegister<T extends OrderRegister | SiteRegister>(a: T, b: T): T {
  const order = compareStamps(a[0], b[0]);
  if (order !== 0) return order > 0 ? a : b;
  return a[1] >= b[1] ? a : b;
}

export function joinRecords(a: SyncRecord, b: SyncRecord): SyncRecord {
  const data = newerData(a, b);
  const joined: SyncRecord = { id: a.id, r: data.r, o: newerRegister(a.o, b.o) };
  if (data.e !== undefined) joined.e = data.e;
  if (a.n !== undefined || b.n !== undefined) joined.n = Math.max(a.n ?? 0, b.n ?? 0);
  if (a.s || b.s) {
    const sites: Record<string, SiteRegister> = { ...a.s };
    for (const [site, register] of Object.entries(b.s ?? {})) {
      const mine = sites[site];
      sites[site] = mine ? newerRegister(mine, register) : register;
    }
    joined.s = sites;
  }
  return joined;
}

/** Whether `a` already holds everything `b` does: joining `b` into `a` changes nothing. */
export function coversRecord(a: SyncRecord, b: SyncRecord): boolean {
  if (newerData(a, b) !== a) return false;
  if (b.n !== undefined && (a.n ?? -1) < b.n) return false;
  if (newerRegister(a.o, b.o) !== a.o) return false;
  for (const [site, register] of Object.entries(b.s ?? {})) {
    const mine = a.s?.[site];
    if (!mine || newerRegister(mine, register) !== mine) return false;
  }
  return true;
}
