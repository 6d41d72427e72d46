/**
 * Lock means gone (issue 15): a counter raised on every lock. Work that began while unlocked (a
 * scan, an import, a vault write) captures it at the start and checks it right before it writes a
 * secret into session storage or a cache; if the vault locked meanwhile (even if it was unlocked
 * again), the write is dropped and the work fails as `locked`. The counter lives in the worker's
 * memory: when the worker stops, the work in flight stops with it.
 */
import { ServiceError } from '../core/internal/service-error';

let epoch = 0;
const listeners = new Set<() => void>();

/** The current lock epoch: capture it when work that may end in a secret write begins. */
export function lockEpoch(): number {
  return epoch;
}

/** Raised synchronously first thing on lock, before anything is awaited; drops in-memory secrets. */
export function nextLockEpoch(): void {
  epoch += 1;
  for (const listener of listeners) listener();
}

/** Whether the vault stayed unlocked since `since` was captured. */
export function sameEpoch(since: number): boolean {
  return since === epoch;
}

/**
 * @throws {ServiceError} `locked` when the vault locked since `since`. Call it synchronously right
 * before the write (no await in between), so a lock cannot slip between the check and the write.
 */
export function checkEpoch(since: number): void {
  if (since !== epoch) throw new ServiceError('locked', 'Tessera locked while this was under way; nothing was kept.');
}

/** Runs `listener` on every lock (to clear what a service keeps in memory). */
export function onLock(listener: () => void): void {
  listeners.add(listener);
}
