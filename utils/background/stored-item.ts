/**
 * Tessera's storage items: one key each, read through wake-reads.ts and written so that no kept
 * value outlives a write. WXT's own `storage.defineItem` reads its key as soon as it is defined
 * (@wxt-dev/storage 1.3.0, dist/index.mjs: `migrationsDone.then(getOrInitValue)`, with or without
 * `init`), so every item the worker's script defines cost a read on every wake, whatever woke it;
 * these read only when asked. WXT's `storage` still does the reading and writing underneath.
 */
import { storage } from 'wxt/utils/storage';
import { forget, readValue, type AreaKey } from './wake-reads';

export interface StoredItem<T, Fallback extends T | null = T | null> {
  readonly key: AreaKey;
  /** The stored value, or the fallback (null without one) when there is none. */
  getValue(): Promise<T | Fallback>;
  /** Stores `value`; null or undefined removes the key (as WXT does). */
  setValue(value: T | null | undefined): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls `listener` on each change from any context; returns a function that stops it. */
  watch(listener: (value: T | Fallback, old: T | Fallback) => void): () => void;
}

/**
 * Runs `write` with the kept values of `keys` dropped right before it starts (no read begun
 * after it can see the old value) and again once it ends, however it ends.
 */
async function writing(keys: readonly string[], write: () => Promise<void>): Promise<void> {
  forget(keys);
  try {
    await write();
  } finally {
    forget(keys);
  }
}

export function defineItem<T>(key: AreaKey, options: { fallback: T }): StoredItem<T, T>;
export function defineItem<T>(key: AreaKey): StoredItem<T, null>;
/** An item of `key` (`local:…` or `session:…`); nothing is read until `getValue` asks. */
export function defineItem<T>(key: AreaKey, { fallback = null }: { fallback?: T | null } = {}): StoredItem<T> {
  const orFallback = (value: unknown) => (value ?? fallback) as T | null;
  return {
    key,
    getValue: async () => orFallback(await readValue(key)),
    setValue: (value) => writing([key], () => storage.setItem(key, value ?? null)),
    removeValue: () => writing([key], () => storage.removeItem(key)),
    watch: (listener) => storage.watch<T>(key, (value, old) => listener(orFallback(value)!, orFallback(old)!)),
  };
}

/** Writes several items of one area in one call (the vault and its previous generation). */
export function setItems(items: readonly { item: Pick<StoredItem<unknown>, 'key'>; value: unknown }[]): Promise<void> {
  return writing(
    items.map(({ item }) => item.key),
    () => storage.setItems(items.map(({ item, value }) => ({ key: item.key, value }))),
  );
}

export function removeItems(items: readonly Pick<StoredItem<unknown>, 'key'>[]): Promise<void> {
  return writing(
    items.map((item) => item.key),
    () => storage.removeItems(items.map((item) => item.key)),
  );
}
