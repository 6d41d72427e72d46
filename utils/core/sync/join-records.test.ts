import { describe, expect, it } from 'vitest';
import { entryData } from './entry-data';
import { coversRecord, joinRecords } from './join-records';
import { compareStamps } from './stamp';
import { stamp, totpEntry } from './sync-test-data';
import type { SyncRecord } from './sync-types';

const data = (issuer: string) => entryData(totpEntry('x', issuer));
const base: SyncRecord = { id: 'x', r: stamp(10, 'A'), e: data('Old'), o: [stamp(10, 'A'), 1] };

describe('joinRecords', () => {
  it.each<[string, SyncRecord, SyncRecord, Partial<SyncRecord>]>([
    [
      'the newer data wins',
      base,
      { ...base, r: stamp(20, 'B'), e: data('New') },
      { r: stamp(20, 'B'), e: data('New') },
    ],
    ['a newer deletion wins', base, { id: 'x', r: stamp(20, 'B'), o: base.o }, { r: stamp(20, 'B') }],
    [
      'an older deletion loses',
      { ...base, r: stamp(30, 'A') },
      { id: 'x', r: stamp(20, 'B'), o: base.o },
      { r: stamp(30, 'A'), e: data('Old') },
    ],
    [
      'same time and count: the higher device wins',
      base,
      { ...base, r: stamp(10, 'B'), e: data('B') },
      { r: stamp(10, 'B'), e: data('B') },
    ],
    ['the counter takes the maximum', { ...base, r: stamp(30, 'A'), n: 3 }, { ...base, n: 9 }, { n: 9 }],
    [
      'the newer position wins on its own',
      { ...base, r: stamp(30, 'A') },
      { ...base, o: [stamp(20, 'B'), 7] },
      { r: stamp(30, 'A'), o: [stamp(20, 'B'), 7] },
    ],
    [
      'sites from both sides are kept, each by its own stamp',
      { ...base, s: { 'a.example': [stamp(5, 'A'), 1], 'b.example': [stamp(9, 'A'), 1] } },
      { ...base, r: stamp(40, 'B'), s: { 'b.example': [stamp(8, 'B'), 0], 'c.example': [stamp(7, 'B'), 1] } },
      { s: { 'a.example': [stamp(5, 'A'), 1], 'b.example': [stamp(9, 'A'), 1], 'c.example': [stamp(7, 'B'), 1] } },
    ],
    [
      'a newer unbind wins over a bind',
      { ...base, s: { 'a.example': [stamp(5, 'A'), 1] } },
      { ...base, s: { 'a.example': [stamp(6, 'B'), 0] } },
      { s: { 'a.example': [stamp(6, 'B'), 0] } },
    ],
  ])('%s', (_, a, b, expected) => {
    const joined = joinRecords(a, b);
    expect(joined).toMatchObject(expected);
    if (!b.e && compareStamps(b.r, a.r) > 0) expect(joined.e).toBeUndefined();
    // Commutative, idempotent, and the join covers both sides.
    expect(joinRecords(b, a)).toEqual(joined);
    expect(joinRecords(joined, joined)).toEqual(joined);
    expect(coversRecord(joined, a) && coversRecord(joined, b)).toBe(true);
  });

  it('two values under one stamp: the same one wins whichever side it is on', () => {
    const other = { ...base, e: data('Other') };
    expect(joinRecords(base, other)).toEqual(joinRecords(other, base));
  });
});

describe('coversRecord', () => {
  it.each<[string, SyncRecord, SyncRecord, boolean]>([
    ['itself', base, base, true],
    ['an older write', { ...base, r: stamp(20, 'A') }, base, true],
    ['a newer write', base, { ...base, r: stamp(20, 'A') }, false],
    ['a higher counter', { ...base, n: 1 }, { ...base, n: 2 }, false],
    ['a site it lacks', base, { ...base, s: { 'a.example': [stamp(1, 'A'), 1] } }, false],
    ['a newer position', base, { ...base, o: [stamp(11, 'A'), 2] }, false],
  ])('%s: %s', (_, a, b, expected) => {
    expect(coversRecord(a, b)).toBe(expected);
  });
});
