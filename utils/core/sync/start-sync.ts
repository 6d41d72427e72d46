/**
 * Turning sync on: every entry gets its registers stamped now, in the order it has (positions
 * 1, 2, 3...), each bound site bound. Contents that already carry `sync` are returned as they are.
 */
import type { VaultContents } from '../vault/vault-contents';
import { nextStamp, ZERO_STAMP } from './stamp';
import type { LocalRecord, SiteRegister } from './sync-types';

export function startSync(contents: VaultContents, device: string, now: number): VaultContents {
  if (contents.sync) return contents;
  const stamp = nextStamp(ZERO_STAMP, now, device);
  const records: Record<string, LocalRecord> = {};
  contents.entries.forEach((entry, index) => {
    const record: LocalRecord = { r: stamp, o: [stamp, index + 1] };
    if (entry.sites?.length)
      record.s = Object.fromEntries(entry.sites.map((site): [string, SiteRegister] => [site, [stamp, 1]]));
    records[entry.id] = record;
  });
  return { ...contents, sync: { clock: stamp, records, dead: {} } };
}
