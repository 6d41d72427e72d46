/**
 * storage.sync as sync sees it (issue 17): only Tessera's items (prefix `t.`), read whole, and
 * written as one `set` and one `remove` per burst, so a device stays far below Chrome's 120 writes
 * a minute. Keys: `t.h` the synced key header, `t.p` the previous data key under the current one
 * (after a passphrase change), `t.d.<device>` and `t.d.<device>.<i>` each device's area.
 */
import { browser } from 'wxt/browser';
import { ServiceError } from '../core/internal/service-error';

export const SYNC_PREFIX = 't.';
export const HEADER_KEY = 't.h';
export const PREVIOUS_KEY = 't.p';

/** Every Tessera item in storage.sync. */
export async function readSynced(): Promise<Record<string, unknown>> {
  const all = (await browser.storage.sync.get(null)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(SYNC_PREFIX)));
}

/** Whether a synced vault exists: its key header is there. */
export async function hasSyncedVault(): Promise<boolean> {
  return ((await browser.storage.sync.get(HEADER_KEY)) as Record<string, unknown>)[HEADER_KEY] != null;
}

/** One burst: the items to set, then the keys no longer used. */
export async function writeSynced(set: Record<string, string>, remove: readonly string[] = []): Promise<void> {
  try {
    if (Object.keys(set).length) await browser.storage.sync.set(set);
    if (remove.length) await browser.storage.sync.remove([...remove]);
  } catch (error) {
    if (/quota|MAX_/i.test(String(error)))
      throw new ServiceError('storage-full', `The browser refused the synced copy: ${String(error)}`);
    throw error;
  }
}

/** Calls `listener` with the keys another device (or the test) changed in storage.sync. */
export function onSyncedChanged(listener: (keys: string[]) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync') return;
    const keys = Object.keys(changes).filter((key) => key.startsWith(SYNC_PREFIX));
    if (keys.length) listener(keys);
  });
}
