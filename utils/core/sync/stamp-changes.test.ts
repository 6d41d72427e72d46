import { describe, expect, it } from 'vitest';
import type { VaultContents } from '../vault/vault-contents';
import { stampChanges } from './stamp-changes';
import { startSync } from './start-sync';
import { contents, hotpEntry, stamp, totpEntry } from './sync-test-data';

const T0 = 1_000;
const start = () =>
  startSync(contents(totpEntry('a'), totpEntry('b', 'b', { sites: ['b.example'] }), hotpEntry('h', 4)), 'D', T0);

function change(before: VaultContents, edit: (after: VaultContents) => void, now = T0 + 500): VaultContents {
  const after = structuredClone(before);
  edit(after);
  stampChanges(before, after, 'D', now);
  return after;
}

describe('startSync', () => {
  it('stamps every entry now, in its order, its sites bound', () => {
    const started = start();
    expect(started.sync).toEqual({
      clock: stamp(T0, 'D'),
      records: {
        a: { r: stamp(T0, 'D'), o: [stamp(T0, 'D'), 1] },
        b: { r: stamp(T0, 'D'), o: [stamp(T0, 'D'), 2], s: { 'b.example': [stamp(T0, 'D'), 1] } },
        h: { r: stamp(T0, 'D'), o: [stamp(T0, 'D'), 3] },
      },
      dead: {},
    });
    expect(startSync(started, 'D', T0 + 1)).toBe(started);
  });
});

describe('stampChanges', () => {
  const now = stamp(T0 + 500, 'D');

  it.each<[string, (after: VaultContents) => void, (after: VaultContents) => void]>([
    [
      'an edit restamps the data',
      (c) => void (c.entries[0]!.account.issuer = 'A2'),
      (c) => expect(c.sync!.records.a!.r).toEqual(now),
    ],
    [
      'a pin restamps the data',
      (c) => void (c.entries[1]!.pinned = true),
      (c) => expect(c.sync!.records.b!.r).toEqual(now),
    ],
    [
      'a deletion is a tombstone that keeps the HOTP counter',
      (c) => void c.entries.splice(2, 1),
      (c) => {
        expect(c.sync!.dead).toEqual({ h: now });
        expect(c.sync!.records.h).toMatchObject({ r: now, n: 4 });
      },
    ],
    [
      'a new entry gets data, a position after the last, its sites',
      (c) => void c.entries.push(totpEntry('n', 'n', { sites: ['n.example'] })),
      (c) => expect(c.sync!.records.n).toEqual({ r: now, o: [now, 4], s: { 'n.example': [now, 1] } }),
    ],
    [
      'a move gives only the moved entry a new position',
      (c) => void c.entries.unshift(...c.entries.splice(2, 1)),
      (c) => {
        expect(c.sync!.records.h!.o).toEqual([now, 0]);
        expect(c.sync!.records.a!.o).toEqual([stamp(T0, 'D'), 1]);
      },
    ],
    [
      'a site bound and one unbound each get their register',
      (c) => void (c.entries[1]!.sites = ['c.example']),
      (c) => expect(c.sync!.records.b!.s).toEqual({ 'b.example': [now, 0], 'c.example': [now, 1] }),
    ],
    [
      'a HOTP step needs no stamp',
      (c) => void (c.entries[2]!.account.type === 'hotp' && (c.entries[2]!.account.counter = 5)),
      (c) => expect(c.sync!.clock).toEqual(stamp(T0, 'D')),
    ],
  ])('%s', (_, edit, check) => {
    check(change(start(), edit));
  });

  it('brings an undone deletion back with a newer stamp than its tombstone', () => {
    const removed = change(start(), (c) => void c.entries.splice(0, 1));
    const back = change(removed, (c) => void c.entries.unshift(totpEntry('a')), T0 + 900);
    expect(back.sync!.dead).toEqual({});
    expect(back.sync!.records.a!.r).toEqual(stamp(T0 + 900, 'D'));
  });

  it('keeps the stamps of a change that set the meta itself (a merge)', () => {
    const before = start();
    const after = structuredClone(before);
    after.entries[0]!.account.issuer = 'merged';
    after.sync!.clock = stamp(T0 + 1, 'D');
    stampChanges(before, after, 'D', T0 + 500);
    expect(after.sync!.records.a!.r).toEqual(stamp(T0, 'D'));
  });

  it('does nothing while sync is off', () => {
    const before = contents(totpEntry('a'));
    const after = structuredClone(before);
    after.entries.pop();
    stampChanges(before, after, 'D', T0);
    expect(after.sync).toBeUndefined();
  });
});
