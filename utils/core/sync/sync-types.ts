/**
 * The shapes of synced data (issue 17). Each device writes only its own keys of `storage.sync`
 * and every reader joins all of them, so the browser's last-writer-wins per key never has to
 * choose between two devices. A record is a bundle of registers, each a value with the stamp of
 * the write that set it; joining two records keeps, register by register, the higher stamp (the
 * HOTP counter: the larger number). That join is commutative, associative and idempotent (a join
 * semilattice), so devices that have seen the same writes, in any order and any number of times,
 * hold the same records: they converge without coordination (Shapiro et al., "Conflict-free
 * Replicated Data Types", 2011, §2.2, state-based objects).
 */
import type { CounterBasedAccount, TimeBasedAccount } from '../otp/account';

/**
 * A hybrid logical clock reading (Kulkarni et al., "Logical Physical Clocks", 2014): wall time
 * `t` in milliseconds, a counter `c` for writes within one millisecond or behind a clock seen
 * ahead, and the writing device `d`. Ordered by t, then c, then d, so no two devices' stamps are
 * ever equal and a write made after seeing another is always stamped above it.
 */
export interface Stamp {
  t: number;
  c: number;
  d: string;
}

/** An account as synced: the HOTP counter travels apart (merged by max), so it is left out here. */
export type AccountData = TimeBasedAccount | Omit<CounterBasedAccount, 'counter'>;

/** The value of an account's data register: what one edit sets at once. */
export interface EntryData {
  account: AccountData;
  addedAt: number;
  pinned?: boolean;
  tags?: string[];
}

/** A site's own register: 1 bound, 0 unbound. */
export type SiteRegister = [Stamp, 0 | 1];

/** The order register: the position (entries sort by position, then id) and when it was set. */
export type OrderRegister = [Stamp, number];

/**
 * One account's registers as a device publishes them.
 * - `r`/`e`: the data register; `e` absent means deleted (a tombstone), so a deletion wins over
 *   older edits and loses to newer ones.
 * - `n`: the HOTP counter, joined by max: a counter never goes back, so no code is used twice.
 * - `o`: the order register. `s`: one register per site ever bound.
 */
export interface SyncRecord {
  id: string;
  r: Stamp;
  e?: EntryData;
  n?: number;
  o: OrderRegister;
  s?: Record<string, SiteRegister>;
}

/** What one device published: its records, its name for people ("Chrome on laptop") and when. */
export interface SyncArea {
  device: string;
  label: string;
  at: number;
  records: SyncRecord[];
}

/**
 * The local bookkeeping, kept in the encrypted vault contents while sync is on: stamps only, the
 * values being the entries themselves. `records` holds every account this device knows of, alive
 * or deleted (a deleted one keeps its order and site registers, and `n` its last HOTP counter, so
 * that a newer edit elsewhere that brings it back loses nothing); `dead` maps each deleted id to
 * its deletion stamp (equal to its record's `r`).
 */
export interface LocalRecord {
  r: Stamp;
  o: OrderRegister;
  s?: Record<string, SiteRegister>;
  /** Deleted HOTP accounts only: the counter when deleted (alive ones carry theirs in the entry). */
  n?: number;
}

export interface SyncMeta {
  /** The highest stamp this device has made or seen: the next one is above it. */
  clock: Stamp;
  records: Record<string, LocalRecord>;
  dead: Record<string, Stamp>;
}

export type SyncProblemCode = 'sync-damaged' | 'sync-newer' | 'sync-other-key';

/** A device's area that was refused as a whole (never partly merged). */
export interface SyncProblem {
  device: string;
  code: SyncProblemCode;
  message: string;
}
