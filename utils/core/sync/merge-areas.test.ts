import { describe, expect, it } from 'vitest';
import type { VaultContents } from '../vault/vault-contents';
import { entryData } from './entry-data';
import { mergeAreas } from './merge-areas';
import { compareStamps } from './stamp';
import { startSync } from './start-sync';
import { area, contents, hotpEntry, stamp, totpEntry } from './sync-test-data';
import type { SyncRecord } from './sync-types';

const T0 = 1_000;
const local = (): VaultContents =>
  startSync(
    contents(
      totpEntry('a', 'a', {
        icon: { origin: 'https://a.example', png: 'data:image/png;base64,AA==' },
        sites: ['a.example'],
      }),
      totpEntry('b'),
      hotpEntry('h', 4),
    ),
    'L',
    T0,
  );
const data = (id: string, issuer: string) => entryData(totpEntry(id, issuer));
const remote = (record: Partial<SyncRecord> & { id: string }): SyncRecord => ({
  r: stamp(T0 + 10, 'R'),
  o: [stamp(T0, 'L'), 1],
  ...record,
});

describe('mergeAreas', () => {
  it('returns the very same contents when nothing is new', () => {
    const mine = local();
    expect(
      mergeAreas(mine, [area('R', [remote({ id: 'a', r: stamp(T0 - 5, 'R'), e: data('a', 'old') })])], 'L', T0 + 50),
    ).toEqual({
      contents: mine,
      changed: false,
    });
    expect(mergeAreas(mine, [], 'L', T0 + 50).contents).toBe(mine);
  });

  it('takes a newer edit and keeps the icon, which never travels', () => {
    const { contents: merged, changed } = mergeAreas(
      local(),
      [
        area('R', [
          remote({ id: 'a', e: data('a', 'renamed'), o: [stamp(T0, 'L'), 1], s: { 'a.example': [stamp(T0, 'L'), 1] } }),
        ]),
      ],
      'L',
      T0 + 50,
    );
    expect(changed).toBe(true);
    expect(merged.entries[0]).toMatchObject({
      id: 'a',
      account: { issuer: 'renamed' },
      sites: ['a.example'],
      icon: { origin: 'https://a.example' },
    });
  });

  it('a newer deletion removes the account; an older one does not', () => {
    const newer = mergeAreas(
      local(),
      [area('R', [remote({ id: 'b', o: [stamp(T0, 'L'), 2] })])],
      'L',
      T0 + 50,
    ).contents;
    expect(newer.entries.map((e) => e.id)).toEqual(['a', 'h']);
    expect(newer.sync!.dead).toEqual({ b: stamp(T0 + 10, 'R') });
    const older = mergeAreas(local(), [area('R', [remote({ id: 'b', r: stamp(T0 - 1, 'R') })])], 'L', T0 + 50);
    expect(older.contents.entries.map((e) => e.id)).toEqual(['a', 'b', 'h']);
  });

  it('a newer edit brings a deleted account back, with its sites and counter', () => {
    const gone = mergeAreas(
      local(),
      [area('R', [remote({ id: 'h', o: [stamp(T0, 'L'), 3], n: 9 })])],
      'L',
      T0 + 50,
    ).contents;
    expect(gone.entries.map((e) => e.id)).toEqual(['a', 'b']);
    const back = mergeAreas(
      gone,
      [
        area('S', [
          remote({ id: 'h', r: stamp(T0 + 20, 'S'), e: entryData(hotpEntry('h', 0)), o: [stamp(T0, 'L'), 3], n: 5 }),
        ]),
      ],
      'L',
      T0 + 60,
    ).contents;
    expect(back.entries.map((e) => [e.id, e.account.type === 'hotp' && e.account.counter])).toEqual([
      ['a', false],
      ['b', false],
      ['h', 9],
    ]);
  });

  it('keeps sites bound on either side, and the counter at its maximum', () => {
    const merged = mergeAreas(
      local(),
      [
        area('R', [
          remote({ id: 'a', r: stamp(T0, 'L'), e: data('a', 'a'), s: { 'r.example': [stamp(T0 + 5, 'R'), 1] } }),
        ]),
        area('S', [
          remote({ id: 'h', r: stamp(T0, 'L'), o: [stamp(T0, 'L'), 3], e: entryData(hotpEntry('h', 0)), n: 2 }),
        ]),
      ],
      'L',
      T0 + 50,
    ).contents;
    expect(merged.entries[0]!.sites).toEqual(['a.example', 'r.example']);
    expect(merged.entries[2]!.account).toMatchObject({ counter: 4 });
  });

  it('orders by position then id, adds accounts it did not have, and moves its clock past all it saw', () => {
    const { contents: merged } = mergeAreas(
      local(),
      [area('R', [remote({ id: 'n', r: stamp(T0 + 999, 'R'), e: data('n', 'n'), o: [stamp(T0 + 999, 'R'), 2] })])],
      'L',
      T0 + 50,
    );
    expect(merged.entries.map((e) => e.id)).toEqual(['a', 'b', 'n', 'h']);
    expect(compareStamps(merged.sync!.clock, stamp(T0 + 999, 'R'))).toBeGreaterThan(0);
  });

  it('starts sync on contents that had none', () => {
    const { contents: merged, changed } = mergeAreas(contents(totpEntry('a')), [], 'L', T0);
    expect(changed).toBe(true);
    expect(merged.sync!.records.a).toBeDefined();
  });
});
