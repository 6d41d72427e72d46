/**
 * The worker's storage reads on a wake, one `get` per area (issue 19). A stopped worker woken by
 * the popup read each item on its own: 36 round trips before it answered `accounts.list` in a
 * traced cold open (bench/cold-open.bench.ts), each through a browser process busy starting it.
 * `readAtWake` asks for the items the start-up checks and the popup's opening messages need at
 * once and keeps each value until it changes: those two reads answer them all.
 *
 * A kept value is dropped, before anything can read it again:
 * - when Tessera writes the key itself (stored-item.ts calls `forget` right before the write is
 *   sent and again once it is done: a read that starts after the write gets the new value);
 * - when storage.onChanged reports the key (a write from anywhere else);
 * - on every lock (lock-epoch.ts), for the whole session area: a lock is never undone by a key
 *   kept in memory.
 * A read already under way when a key is dropped answers its own caller only: it is never kept.
 * Only the worker writes storage (INTERNALS.md), so nothing changes it unseen; and without the
 * listener that drops changed keys (the worker never removes it; fakeBrowser.reset() in tests does)
 * every read goes to storage, as before.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { onLock } from '../vault/lock-epoch';

/** A storage key with its area, as WXT writes it: `local:vault`, `session:vaultKey`. */
export type AreaKey = `local:${string}` | `session:${string}`;

type Area = 'local' | 'session';
type Changes = Record<string, unknown>;

/** The keys whose values are kept once read: those `readAtWake` was given. */
const wakeKeys = new Set<AreaKey>();
/** Each kept key's stored value (null when absent), or the read that will give it. */
const kept = new Map<AreaKey, Promise<unknown>>();
const listeners = new Map<Area, (changes: Changes) => void>();

function areaOf(key: AreaKey): Area {
  return key.startsWith('session:') ? 'session' : 'local';
}

/** Drops the kept values of `keys`: the next read of each asks storage. */
export function forget(keys: readonly string[]): void {
  for (const key of keys) kept.delete(key as AreaKey);
}

function forgetArea(area: Area): void {
  for (const key of kept.keys()) if (areaOf(key) === area) kept.delete(key);
}

/** Listens for changes of each area, once; the listeners drop what changed. */
function listen(): void {
  for (const area of ['local', 'session'] as const) {
    const listener =
      listeners.get(area) ?? ((changes: Changes) => forget(Object.keys(changes).map((key) => `${area}:${key}`)));
    listeners.set(area, listener);
    const { onChanged } = browser.storage[area];
    if (!onChanged.hasListener(listener)) onChanged.addListener(listener);
  }
}

/** Whether the listener that drops `key` when it changes is in place: without it nothing is kept. */
function watched(key: AreaKey): boolean {
  const listener = listeners.get(areaOf(key));
  return listener !== undefined && browser.storage[areaOf(key)].onChanged.hasListener(listener);
}

// Lock means gone (lock-epoch.ts): the session key, the pending scan and the rest go with it.
onLock(() => forgetArea('session'));

/**
 * Reads `keys` now, with one `get` per area, and keeps their values until they change. Call it
 * first thing on start-up, before any other storage listener is added: changes are then dropped
 * here before another listener can read them.
 */
export function readAtWake(keys: readonly AreaKey[]): void {
  listen();
  for (const key of keys) wakeKeys.add(key);
  // A new start (tests start the worker many times): nothing from before counts.
  forgetArea('local');
  forgetArea('session');
  const read = storage.getItems([...keys]).then((values) => new Map(values.map(({ key, value }) => [key, value])));
  // Unhandled here: each key's reader sees the failure and the next read asks again.
  read.catch(() => undefined);
  for (const key of keys) {
    const value = read.then((values) => values.get(key) ?? null);
    keep(key, value);
  }
}

function keep(key: AreaKey, value: Promise<unknown>): void {
  kept.set(key, value);
  // A failed read is not kept.
  value.catch(() => {
    if (kept.get(key) === value) kept.delete(key);
  });
}

/**
 * The stored value of `key` (null when absent): the kept one for a key read at wake, else from
 * storage. Each caller gets its own copy, as from storage, so no caller can change another's.
 */
export async function readValue(key: AreaKey): Promise<unknown> {
  if (!wakeKeys.has(key) || !watched(key)) return storage.getItem(key);
  let value = kept.get(key);
  if (value === undefined) {
    value = storage.getItem(key);
    keep(key, value);
  }
  return structuredClone(await value);
}
