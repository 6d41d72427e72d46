/**
 * An area as `storage.sync` items (issue 17): the meta `t.d.<device>` =
 * `{"f":1,"k":keyId,"q":seq,"n":chunks}` and chunks `t.d.<device>.<i>` = `"<seq>:<base64>"`,
 * each within Chrome's 8,192 bytes per item (sync-bytes.ts). The seq in every chunk lets a reader
 * tell a write still arriving (chunks of two writes mixed) from a finished one.
 */
import { toBase64, utf8 } from '../internal/bytes';
import { areaAdditionalData, sealArea, type SyncKey } from './area-cipher';
import { compactArea } from './compact-area';
import { SyncError } from './sync-error';
import { areaKey, chunkKey, DEVICE_PATTERN, SYNC_FORMAT } from './sync-keys';
import { SYNC_QUOTA } from './sync-bytes';
import type { SyncArea } from './sync-types';

export async function encodeArea(
  area: SyncArea,
  key: SyncKey,
  keyId: string,
  seq: number,
): Promise<Record<string, string>> {
  if (!DEVICE_PATTERN.test(area.device)) throw new SyncError('sync-damaged', 'A device id is base64url text.');
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError('seq is a whole number');
  const plaintext = utf8(JSON.stringify(compactArea(area)));
  const sealed = toBase64(await sealArea(plaintext, key, areaAdditionalData(SYNC_FORMAT, area.device, keyId, seq)));
  // The longest chunk key (index up to the item limit), the quotes JSON adds and "<seq>:".
  const room = SYNC_QUOTA.perItem - chunkKey(area.device, SYNC_QUOTA.items).length - 2 - `${seq}:`.length;
  const items: Record<string, string> = {};
  let count = 0;
  for (let at = 0; at < sealed.length; at += room)
    items[chunkKey(area.device, count++)] = `${seq}:${sealed.slice(at, at + room)}`;
  items[areaKey(area.device)] = JSON.stringify({ f: SYNC_FORMAT, k: keyId, q: seq, n: count });
  return items;
}
