import { describe, expect, it } from 'vitest';
import { localRecords } from './local-records';
import { ownArea } from './own-area';
import { startSync } from './start-sync';
import { area, contents, stamp, totpEntry } from './sync-test-data';

const T0 = 1_000;
const mine = startSync(contents(totpEntry('a'), totpEntry('b')), 'M', T0);
const records = [...localRecords(mine, 'M').values()];
const [a, b] = records as [(typeof records)[0], (typeof records)[0]];

describe('ownArea', () => {
  it.each([
    ['alone: everything', [], ['a', 'b']],
    ['what a lower device already carries whole: nothing', [area('A', records)], null],
    ['what a higher device carries, not yet written here: nothing', [area('Z', records)], null],
    [
      'a full copy it already wrote, when only higher devices also have it: kept',
      [area('M', records, 'laptop'), area('Z', records)],
      null,
    ],
    [
      'a full copy it wrote, and a lower device has it too: given up',
      [area('M', records, 'laptop'), area('A', records)],
      [],
    ],
    ['what the others lack: that', [area('A', [a])], ['b']],
    ['what the others hold older: that', [area('A', [a, { ...b, r: stamp(T0 - 1, 'A') }])], ['b']],
  ])('%s', (_, others, expected) => {
    const own = ownArea(mine, others, 'M', 'laptop', T0 + 5);
    expect(own === null ? null : own.records.map((r) => r.id)).toEqual(expected);
    if (own) expect(own).toMatchObject({ device: 'M', label: 'laptop', at: T0 + 5 });
  });

  it('writes again when only its label changed', () => {
    expect(ownArea(mine, [area('M', records, 'old name')], 'M', 'new name', T0)?.records).toHaveLength(2);
  });

  it('publishes tombstones, so deletions spread', () => {
    const removed = structuredClone(mine);
    removed.entries.pop();
    removed.sync!.dead.b = removed.sync!.records.b!.r = stamp(T0 + 1, 'M');
    const own = ownArea(removed, [area('A', records)], 'M', 'laptop', T0 + 5)!;
    expect(own.records).toEqual([{ id: 'b', r: stamp(T0 + 1, 'M'), o: b.o }]);
  });
});
