/**
 * How much of `storage.sync` some items use, counted as Chrome does: each item is its key's
 * length plus the length of its value as JSON (QUOTA_BYTES_PER_ITEM, "as measured by the JSON
 * stringification of its value plus its key length", chromium extensions/common/api/storage.json).
 * Firefox has the same numbers (mozilla application-services, webext_storage SYNC_QUOTA_*).
 * Everything Tessera stores there is ASCII, so characters and bytes are the same count.
 */

export const SYNC_QUOTA = { total: 102_400, perItem: 8_192, items: 512 } as const;

export function itemBytes(key: string, value: unknown): number {
  return key.length + (JSON.stringify(value)?.length ?? 0);
}

export function syncBytes(items: Readonly<Record<string, unknown>>): number {
  let total = 0;
  for (const [key, value] of Object.entries(items)) total += itemBytes(key, value);
  return total;
}
