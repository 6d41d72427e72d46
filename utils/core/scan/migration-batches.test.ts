import { describe, expect, it } from 'vitest';
import type { Account } from '../otp/account';
import { gatherMigrationParts } from './migration-batches';
import type { MigrationPart } from './otpauth-migration';

const account = (label: string): Account => ({
  type: 'totp',
  issuer: 'Example',
  label,
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
});
const part = (id: number, index: number, size: number, ...labels: string[]): MigrationPart => ({
  accounts: labels.map(account),
  skipped: [],
  batch: { id, index, size },
});

describe('gatherMigrationParts', () => {
  it.each([
    ['one whole export', [part(1, 0, 1, 'a')], ['a'], [{ id: 1, size: 1, scanned: 1, complete: true }]],
    [
      '2 of 3 parts, out of order',
      [part(-5, 2, 3, 'c'), part(-5, 0, 3, 'a')],
      ['a', 'c'],
      [{ id: -5, size: 3, scanned: 2, complete: false }],
    ],
    [
      'a part scanned twice counts once',
      [part(7, 0, 2, 'a'), part(7, 0, 2, 'a'), part(7, 1, 2, 'b')],
      ['a', 'b'],
      [{ id: 7, size: 2, scanned: 2, complete: true }],
    ],
    [
      'two exports side by side',
      [part(1, 0, 1, 'a'), part(2, 0, 2, 'b')],
      ['a', 'b'],
      [
        { id: 1, size: 1, scanned: 1, complete: true },
        { id: 2, size: 2, scanned: 1, complete: false },
      ],
    ],
    ['nothing', [], [], []],
  ])('%s', (_, parts, labels, batches) => {
    const gathered = gatherMigrationParts(parts);
    expect(gathered.accounts.map((entry) => entry.label)).toEqual(labels);
    expect(gathered.batches).toEqual(batches);
    expect(gathered.keys).toHaveLength(labels.length);
  });

  it('keys each account by its batch, part and place, whatever parts arrive later', () => {
    const first = gatherMigrationParts([part(7, 1, 2, 'b', 'c')]);
    const later = gatherMigrationParts([part(7, 1, 2, 'b', 'c'), part(7, 0, 2, 'a')]);
    expect(first.keys).toEqual(['export.7.1.0', 'export.7.1.1']);
    expect(later.accounts.map((entry) => entry.label)).toEqual(['a', 'b', 'c']);
    expect(later.keys).toEqual(['export.7.0.0', 'export.7.1.0', 'export.7.1.1']);
  });
});
