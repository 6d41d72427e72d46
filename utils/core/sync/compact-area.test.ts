import { describe, expect, it } from 'vitest';
import { entryData } from './entry-data';
import { compactArea, readCompactArea } from './compact-area';
import { area, hotpEntry, stamp, totpEntry } from './sync-test-data';
import type { SyncArea } from './sync-types';

const T = 1_700_000_000_000;
const sample: SyncArea = area('devA', [
  {
    id: 'x',
    r: stamp(T, 'devA'),
    e: entryData(totpEntry('x', 'GitHub', { pinned: true, tags: ['Work'] })),
    o: [stamp(T + 5, 'devB', 2), 1.5],
    s: { 'https://github.com': [stamp(T + 9, 'devA'), 1] },
  },
  { id: 'h', r: stamp(T + 1, 'devA'), e: entryData(hotpEntry('h', 0)), o: [stamp(T, 'devA'), 2], n: 7 },
  { id: 'gone', r: stamp(T + 2, 'devC', 1), o: [stamp(T, 'devA'), 3] },
]);
type Compact = { f: number; l: string; a: number; b: number; d: string[]; r: unknown[][] };
const compact = () => structuredClone(compactArea(sample)) as Compact;

describe('compactArea / readCompactArea', () => {
  it('round-trips, with times from the oldest and devices as indexes', () => {
    const value = compact();
    expect(value.b).toBe(T);
    expect(value.d).toEqual(['devA', 'devB', 'devC']);
    expect(value.r[0]!.slice(0, 4)).toEqual(['x', 0, [5, 2, 1], 1.5]);
    expect(readCompactArea(JSON.parse(JSON.stringify(value)), 'devA')).toEqual(sample);
  });

  it.each<[string, (value: Compact) => void]>([
    ['another format', (v) => void (v.f = 2)],
    ['the area of another device', (v) => void (v.d[0] = 'devZ')],
    ['a device id that is not base64url', (v) => void (v.d[1] = 'a b')],
    ['an account twice', (v) => void v.r.push(v.r[0]!)],
    ['a secret not in canonical base32', (v) => void ((v.r[0]![4] as unknown[])[3] = 'jbswy3dpehpk3pxp')],
    ['a secret that is not base32', (v) => void ((v.r[0]![4] as unknown[])[3] = 'JBSWY3DPEHPK3PX1')],
    ['too many digits', (v) => void ((v.r[0]![4] as unknown[])[5] = 11)],
    ['an unknown algorithm', (v) => void ((v.r[0]![4] as unknown[])[4] = 3)],
    ['a period of 0', (v) => void ((v.r[0]![4] as unknown[])[6] = 0)],
    ['an issuer with a control character', (v) => void ((v.r[0]![4] as unknown[])[1] = 'Git\u0000Hub')],
    ['an issuer padded with spaces', (v) => void ((v.r[0]![4] as unknown[])[1] = ' GitHub ')],
    ['an issuer too long', (v) => void ((v.r[0]![4] as unknown[])[1] = 'x'.repeat(2000))],
    ['a tag that is not text', (v) => void ((v.r[0]![4] as unknown[])[9] = [1])],
    ['a HOTP account without its counter', (v) => void v.r[1]!.splice(5)],
    ['a negative counter', (v) => void (v.r[1]![5] = -1)],
    ['a counter on a TOTP account', (v) => void v.r[0]!.splice(5, 1, 3)],
    ['a stamp of a device not listed', (v) => void (v.r[0]![1] = [0, 0, 9])],
    ['a fractional stamp', (v) => void (v.r[0]![1] = 0.5)],
    ['a position that is not a number', (v) => void (v.r[0]![3] = '1')],
    ['an infinite position', (v) => void (v.r[0]![3] = 1e300)],
    ['a site register that is not 0 or 1', (v) => void ((v.r[0]![6] as unknown[][])[0]![2] = 2)],
    ['a site with spaces', (v) => void ((v.r[0]![6] as unknown[][])[0]![0] = 'a b')],
    ['an empty account id', (v) => void (v.r[0]![0] = '')],
    ['a record cut short', (v) => void v.r[0]!.splice(3)],
  ])('refuses %s', (_, change) => {
    const value = compact();
    change(value);
    expect(() => readCompactArea(value, 'devA')).toThrow(expect.objectContaining({ code: 'sync-damaged' }));
  });
});
