import { describe, expect, it } from 'vitest';
import type { Account } from '../otp/account';
import type { VaultEntry } from '../vault/vault-contents';
import { applyImport } from './apply-import';

const account = (label: string): Account => ({
  type: 'totp',
  issuer: 'Example',
  label,
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
});

function entries(): VaultEntry[] {
  return [
    { id: 'a', account: account('a'), addedAt: 1, pinned: true, sites: ['a.com'], tags: ['Work'] },
    { id: 'b', account: account('b'), addedAt: 2 },
  ];
}

describe('applyImport', () => {
  it('adds new accounts at the end with their sites, tags and pin, leaving empty lists out', () => {
    const list = entries();
    let n = 0;
    applyImport(
      list,
      [{ account: account('c'), sites: ['c.com'], tags: [], pinned: true }, { account: account('d') }],
      {
        now: 9,
        newId: () => `new${++n}`,
      },
    );
    expect(list.slice(2)).toEqual([
      { id: 'new1', account: account('c'), addedAt: 9, pinned: true, sites: ['c.com'] },
      { id: 'new2', account: account('d'), addedAt: 9 },
    ]);
  });

  it('replaces in place, keeping the pin and merging sites and tags', () => {
    const list = entries();
    const replacement = { ...account('a'), issuer: 'Renamed' };
    applyImport(list, [{ account: replacement, replaces: 'a', sites: ['a.com', 'b.com'], tags: ['Home'] }], {
      now: 9,
      newId: () => 'unused',
    });
    expect(list[0]).toEqual({
      id: 'a',
      account: replacement,
      addedAt: 1,
      pinned: true,
      sites: ['a.com', 'b.com'],
      tags: ['Work', 'Home'],
    });
    expect(list).toHaveLength(2);
  });

  it('refuses to replace an account that is gone', () => {
    expect(() =>
      applyImport(entries(), [{ account: account('x'), replaces: 'gone' }], { now: 9, newId: () => 'x' }),
    ).toThrow('That account no longer exists.');
  });
});
