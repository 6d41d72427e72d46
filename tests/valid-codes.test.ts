import { describe, expect, it } from 'vitest';
import type { Account } from '../utils/core/otp/account';
import { codeAtCounter, generateCode } from '../utils/core/otp/otp';
import { validCodes } from './valid-codes';

const totp = (period: number): Account => ({
  type: 'totp',
  issuer: 'Example',
  label: 'me',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period,
});

describe('validCodes', () => {
  it("gives the previous, current and next step's codes, in the account's own period", () => {
    const now = 1_000_000_000_000;
    for (const period of [30, 60]) {
      const account = totp(period);
      expect(validCodes(account, now)).toEqual([
        generateCode(account, now - period * 1000),
        generateCode(account, now),
        generateCode(account, now + period * 1000),
      ]);
    }
    // 60 s steps: 45 s back is still the current or the previous step, never two steps back.
    expect(validCodes(totp(60), now)).toContain(generateCode(totp(60), now - 45_000));
    expect(validCodes(totp(60), now)).not.toContain(generateCode(totp(60), now - 120_000));
  });

  it('gives Steam codes in its own alphabet', () => {
    const steam = { ...totp(30), type: 'steam', digits: 5 } as Account;
    for (const code of validCodes(steam, Date.now())) expect(code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  });

  it("gives an HOTP account's code at its counter only, whatever the time", () => {
    const hotp = { ...totp(30), type: 'hotp', counter: 5 } as Account;
    expect(validCodes(hotp, 0)).toEqual([codeAtCounter(hotp, 5)]);
    expect(validCodes(hotp, Date.now())).toEqual([codeAtCounter(hotp, 5)]);
  });

  it('has no step before the first', () => {
    expect(validCodes(totp(30), 0)).toEqual([generateCode(totp(30), 0), generateCode(totp(30), 30_000)]);
  });
});
