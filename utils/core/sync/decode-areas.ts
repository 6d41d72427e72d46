/**
 * Every device's area in a `storage.sync` snapshot, decrypted and checked. An area is taken whole
 * or not at all: a newer format (`sync-newer`), another key id (`sync-other-key`, written before
 * or after a passphrase change), or anything that fails its tag, its inflate or its checks
 * (`sync-damaged`) is a problem for the caller to show, and none of its records is merged.
 * An area whose chunks do not all carry the meta's seq is still being written (the browser
 * delivers keys one by one): it is skipped without a problem, and read when complete.
 */
import { fromBase64 } from '../internal/bytes';
import { areaAdditionalData, openArea, type SyncKey } from './area-cipher';
import { readCompactArea } from './compact-area';
import { SyncError } from './sync-error';
import { areaDevice, chunkKey, SYNC_FORMAT } from './sync-keys';
import { SYNC_QUOTA } from './sync-bytes';
import type { SyncArea, SyncProblem } from './sync-types';

export async function decodeAreas(
  items: Readonly<Record<string, unknown>>,
  key: SyncKey,
  keyId: string,
): Promise<{ areas: SyncArea[]; problems: SyncProblem[] }> {
  const areas: SyncArea[] = [];
  const problems: SyncProblem[] = [];
  for (const [name, value] of Object.entries(items)) {
    const device = areaDevice(name);
    if (!device) continue;
    try {
      const area = await decodeArea(items, device, value, key, keyId);
      if (area) areas.push(area);
    } catch (error) {
      const known = error instanceof SyncError;
      problems.push({
        device,
        code: known ? error.code : 'sync-damaged',
        message: known ? error.message : `The synced data of device ${device} could not be read.`,
      });
    }
  }
  areas.sort((a, b) => (a.device < b.device ? -1 : 1));
  return { areas, problems };
}

async function decodeArea(
  items: Readonly<Record<string, unknown>>,
  device: string,
  value: unknown,
  key: SyncKey,
  keyId: string,
): Promise<SyncArea | undefined> {
  const damaged = (what: string) => new SyncError('sync-damaged', `The synced data of device ${device} ${what}.`);
  let meta: Record<string, unknown>;
  try {
    meta = typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : {};
  } catch {
    throw damaged('has an unreadable description');
  }
  const whole = (v: unknown, max = Number.MAX_SAFE_INTEGER) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;
  if (typeof meta !== 'object' || meta === null || !whole(meta.f) || (meta.f as number) < 1)
    throw damaged('has an unreadable description');
  if ((meta.f as number) > SYNC_FORMAT)
    throw new SyncError(
      'sync-newer',
      `Device ${device} syncs in a newer format (${meta.f as number}): update Tessera.`,
    );
  if (typeof meta.k !== 'string') throw damaged('has no key id');
  if (meta.k !== keyId)
    throw new SyncError('sync-other-key', `Device ${device} synced under another passphrase (key ${meta.k}).`);
  if (!whole(meta.q) || !whole(meta.n, SYNC_QUOTA.items) || meta.n === 0)
    throw damaged('has an unreadable description');
  const prefix = `${meta.q as number}:`;
  let sealed = '';
  for (let i = 0; i < (meta.n as number); i++) {
    const chunk = items[chunkKey(device, i)];
    if (typeof chunk !== 'string' || !chunk.startsWith(prefix)) return undefined; // still arriving
    sealed += chunk.slice(prefix.length);
  }
  const bytes = fromBase64(sealed, () => damaged('is not base64'));
  let plaintext: Uint8Array<ArrayBuffer>;
  try {
    plaintext = await openArea(bytes, key, areaAdditionalData(meta.f as number, device, keyId, meta.q as number));
  } catch {
    throw damaged('does not decrypt: it was changed, or written under another key');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    throw damaged('decrypted to unreadable text');
  }
  return readCompactArea(parsed, device);
}
