/**
 * authenticator.cc backups have no real sample in ../shared/fixtures: these are written from the
 * format as the extension's source reads it (omitted period, digits and algorithm are the
 * defaults; `stm-` and `blz-` secret prefixes; hex secrets).
 * @see https://github.com/Authenticator-Extension/Authenticator
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../internal/bytes';
import { importFile } from './import-file';

const entry = (over: Record<string, unknown>) => ({
  account: 'alice',
  issuer: 'Example',
  secret: 'JBSWY3DPEHPK3PXP',
  type: 'totp',
  encrypted: false,
  dataType: 'OTPStorage',
  index: 0,
  hash: 'h',
  ...over,
});
const backup = (...entries: Record<string, unknown>[]) =>
  utf8(JSON.stringify(Object.fromEntries(entries.map((item, i) => [`id-${i}`, item]))));

describe('authenticator.cc backups', () => {
  it.each([
    [
      'TOTP with the defaults left out',
      entry({}),
      {
        type: 'totp',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 'Example',
        label: 'alice',
      },
    ],
    [
      'TOTP with its own period, digits and hash',
      entry({ period: 60, digits: 8, algorithm: 'SHA256' }),
      { type: 'totp', algorithm: 'SHA256', digits: 8, period: 60 },
    ],
    ['HOTP with its counter', entry({ type: 'hotp', counter: 7 }), { type: 'hotp', counter: 7 }],
    ['Steam by type', entry({ type: 'steam' }), { type: 'steam', digits: 5 }],
    [
      'Steam by the stm- prefix',
      entry({ secret: 'stm-JBSWY3DPEHPK3PXP' }),
      { type: 'steam', secret: 'JBSWY3DPEHPK3PXP' },
    ],
    ['Battle.net: 8-digit TOTP', entry({ type: 'battle' }), { type: 'totp', digits: 8 }],
    [
      'Battle.net by the blz- prefix',
      entry({ secret: 'blz-JBSWY3DPEHPK3PXP' }),
      { type: 'totp', digits: 8, secret: 'JBSWY3DPEHPK3PXP' },
    ],
    ['a hex secret (TOTP)', entry({ type: 'hex', secret: '48656c6c6fde' }), { type: 'totp', secret: 'JBSWY3DP3Y' }],
    [
      'a hex secret (HOTP)',
      entry({ type: 'hhex', secret: '48656c6c6fde', counter: 2 }),
      { type: 'hotp', counter: 2, secret: 'JBSWY3DP3Y' },
    ],
  ])('%s', async (_, item, expected) => {
    const parsed = await importFile(backup(item));
    expect(parsed.format).toBe('authenticator.cc');
    expect(parsed.accounts[0]!.account).toMatchObject(expected);
  });

  it('lists a damaged hex secret with its place and offers the rest', async () => {
    const parsed = await importFile(backup(entry({}), entry({ issuer: 'Broken', type: 'hex', secret: '4865z' })));
    expect(parsed.accounts).toHaveLength(1);
    expect(parsed.skipped).toEqual([{ name: 'Entry 2: Broken: alice', reason: expect.any(String) }]);
    await expect(importFile(backup(entry({ issuer: 'Broken', type: 'hex', secret: '4865z' })))).rejects.toMatchObject({
      code: 'malformed',
      message: expect.stringContaining('Broken: alice'),
    });
  });

  it('refuses encrypted backups with how to get a plain one', async () => {
    const encrypted = backup(
      { dataType: 'EncOTPStorage', keyId: 'k', data: 'U2FsdGVkX1...', index: 0 },
      { dataType: 'Key', id: 'k', salt: 's', hash: 'h', version: 3 },
    );
    await expect(importFile(encrypted)).rejects.toMatchObject({
      code: 'not-recognised',
      message: expect.stringContaining('plain backup'),
    });
  });
});
