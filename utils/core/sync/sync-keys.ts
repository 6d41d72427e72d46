/**
 * The `storage.sync` keys (issue 17): `t.h` the key header, `t.d.<device>` each device's area
 * meta, `t.d.<device>.<i>` its chunks. A device writes only its own `t.d.<device>*` keys.
 */

/** The synced format this Tessera writes; a higher one is refused (`sync-newer`). */
export const SYNC_FORMAT = 1;
export const SYNC_HEADER_KEY = 't.h';
const AREA_PREFIX = 't.d.';

/** Device ids: 12 random base64url characters (`local:syncDevice`); other lengths are accepted up to 64. */
export const DEVICE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function areaKey(device: string): string {
  return `${AREA_PREFIX}${device}`;
}

export function chunkKey(device: string, index: number): string {
  return `${AREA_PREFIX}${device}.${index}`;
}

/** The device whose area meta this key is, if it is one. */
export function areaDevice(key: string): string | undefined {
  if (!key.startsWith(AREA_PREFIX)) return undefined;
  const device = key.slice(AREA_PREFIX.length);
  return DEVICE_PATTERN.test(device) ? device : undefined;
}

/** Whether a key belongs to `device`'s area (its meta or a chunk), for removing it whole. */
export function isAreaKey(key: string, device: string): boolean {
  return (
    key === areaKey(device) ||
    (key.startsWith(`${areaKey(device)}.`) && /^\d+$/.test(key.slice(areaKey(device).length + 1)))
  );
}

/**
 * The keys of `device`'s area in `current` (what storage.sync holds) that a new write `written`
 * (encodeArea's items) does not replace: chunks of a longer earlier area, to remove in the same
 * burst. Removing them after the set keeps the area readable all along (the new meta names only
 * chunks it wrote).
 */
export function staleAreaKeys(
  current: Readonly<Record<string, unknown>>,
  device: string,
  written: Readonly<Record<string, string>>,
): string[] {
  return Object.keys(current).filter((key) => isAreaKey(key, device) && !(key in written));
}
