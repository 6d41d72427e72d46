import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../internal/bytes';
import { secretFromBytes } from '../otp/otp';
import { decodeAreas } from './decode-areas';
import { encodeArea } from './encode-area';
import { syncBytes, SYNC_QUOTA } from './sync-bytes';
import { area, stamp } from './sync-test-data';
import type { SyncArea, SyncRecord } from './sync-types';

const KEY = new Uint8Array(32).fill(7);
const OTHER_KEY = new Uint8Array(32).fill(8);

const record = (id: string, extra: Partial<SyncRecord> = {}): SyncRecord => ({
  id,
  r: stamp(1_700_000_000_000, 'devA'),
  e: {
    account: {
      type: 'totp',
      issuer: 'GitHub',
      label: 'a@b.c',
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    },
    addedAt: 1_699_000_000_000,
  },
  o: [stamp(1_700_000_000_005, 'devB', 2), 1.5],
  ...extra,
});

const sample: SyncArea = area('devA', [
  record('x'),
  record('y', {
    s: {
      'https://github.com': [stamp(1_700_000_000_010, 'devC', 1), 1],
      'github.com': [stamp(1_700_000_000_020, 'devA'), 0],
    },
  }),
  { id: 'z', r: stamp(1_700_000_000_030, 'devB'), o: [stamp(1_700_000_000_000, 'devA'), 3], n: 12 },
  record('h', {
    e: {
      account: { type: 'hotp', issuer: 'Bank', label: '', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA256', digits: 8 },
      addedAt: 1_700_000_000_000,
      pinned: true,
      tags: ['Work'],
    },
    n: 42,
  }),
]);

describe('encodeArea / decodeAreas', () => {
  it('round-trips an area exactly', async () => {
    const items = await encodeArea(sample, KEY, 'key1', 3);
    expect(JSON.parse(items['t.d.devA']!)).toEqual({ f: 1, k: 'key1', q: 3, n: 1 });
    expect(items['t.d.devA.0']).toMatch(/^3:[A-Za-z0-9+/=]+$/);
    const { areas, problems } = await decodeAreas(items, KEY, 'key1');
    expect(problems).toEqual([]);
    expect(areas).toEqual([sample]);
  });

  it('chunks a large area into items within 8 KB each', async () => {
    const big = area(
      'devA',
      Array.from({ length: 400 }, (_, i) =>
        record(crypto.randomUUID(), { r: stamp(1_700_000_000_000 + i * 7919, 'devA') }),
      ),
    );
    big.records.forEach((r) => (r.e!.account.secret = secretFromBytes(crypto.getRandomValues(new Uint8Array(20)))));
    const items = await encodeArea(big, KEY, 'key1', 12);
    const chunks = Object.keys(items).filter((key) => key.startsWith('t.d.devA.'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const [key, value] of Object.entries(items))
      expect(syncBytes({ [key]: value })).toBeLessThanOrEqual(SYNC_QUOTA.perItem);
    const { areas } = await decodeAreas(items, KEY, 'key1');
    expect(areas[0]!.records).toHaveLength(400);
  });

  it('skips an area whose chunks are of two writes (in flight), with no problem', async () => {
    const old = await encodeArea(sample, KEY, 'key1', 3);
    const next = await encodeArea(sample, KEY, 'key1', 4);
    expect(await decodeAreas({ ...old, 't.d.devA': next['t.d.devA'] }, KEY, 'key1')).toEqual({
      areas: [],
      problems: [],
    });
    expect(await decodeAreas({ 't.d.devA': next['t.d.devA'] }, KEY, 'key1')).toEqual({ areas: [], problems: [] });
  });

  it.each([
    ['another key id', async (items: Record<string, string>) => items, 'key2', 'sync-other-key'],
    [
      'a newer format',
      async (items: Record<string, string>) => ({ ...items, 't.d.devA': '{"f":2,"k":"key1","q":3,"n":1}' }),
      'key1',
      'sync-newer',
    ],
    [
      'a changed byte',
      async (items: Record<string, string>) => ({ ...items, 't.d.devA.0': flip(items['t.d.devA.0']!) }),
      'key1',
      'sync-damaged',
    ],
    [
      'another seq in the meta and chunks',
      async (items: Record<string, string>) => relabel(items, 3, 4),
      'key1',
      'sync-damaged',
    ],
    ['another device', async (items: Record<string, string>) => rename(items, 'devA', 'devB'), 'key1', 'sync-damaged'],
    [
      'an unreadable meta',
      async (items: Record<string, string>) => ({ ...items, 't.d.devA': '{' }),
      'key1',
      'sync-damaged',
    ],
    ['another data key', async () => encodeArea(sample, OTHER_KEY, 'key1', 3), 'key1', 'sync-damaged'],
  ])('refuses %s as a whole', async (_, change, keyId, code) => {
    const items = await change(await encodeArea(sample, KEY, 'key1', 3));
    const { areas, problems } = await decodeAreas(items, KEY, keyId);
    expect(areas).toEqual([]);
    expect(problems).toEqual([{ device: expect.any(String), code, message: expect.any(String) }]);
  });

  it('ignores keys that are not areas', async () => {
    expect(await decodeAreas({ 't.h': '{}', other: 1 }, KEY, 'key1')).toEqual({ areas: [], problems: [] });
  });
});

function flip(chunk: string): string {
  const [seq, data] = chunk.split(':') as [string, string];
  const bytes = fromBase64(data);
  bytes[bytes.length - 5]! ^= 1;
  return `${seq}:${toBase64(bytes)}`;
}

function relabel(items: Record<string, string>, from: number, to: number): Record<string, string> {
  return Object.fromEntries(
    Object.entries(items).map(([key, value]) => [
      key,
      value.replace(`"q":${from}`, `"q":${to}`).replace(new RegExp(`^${from}:`), `${to}:`),
    ]),
  );
}

function rename(items: Record<string, string>, from: string, to: string): Record<string, string> {
  return Object.fromEntries(Object.entries(items).map(([key, value]) => [key.replace(from, to), value]));
}
