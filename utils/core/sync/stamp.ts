/**
 * Hybrid logical clock stamps (sync-types.ts, `Stamp`): ordered by wall time, then counter, then
 * device id, so every two writes compare and no two devices ever stamp alike.
 */
import type { Stamp } from './sync-types';

/** Negative when `a` is older than `b`, 0 when they are the same stamp, positive when newer. */
export function compareStamps(a: Stamp, b: Stamp): number {
  return a.t - b.t || a.c - b.c || (a.d < b.d ? -1 : a.d > b.d ? 1 : 0);
}

/** The newer of two stamps. */
export function maxStamp(a: Stamp, b: Stamp): Stamp {
  return compareStamps(a, b) >= 0 ? a : b;
}

/**
 * The stamp of this device's next write: above `last` (everything made or seen so far), at the
 * wall clock `now` when it is ahead, else one count above `last` (a clock set back, or a remote
 * one ahead, never makes a later write look older).
 */
export function nextStamp(last: Stamp, now: number, device: string): Stamp {
  return now > last.t ? { t: now, c: 0, d: device } : { t: last.t, c: last.c + 1, d: device };
}

/** The clock before any write. */
export const ZERO_STAMP: Stamp = Object.freeze({ t: 0, c: 0, d: '' });
