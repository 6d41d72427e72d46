import { describe, expect, it } from 'vitest';
import { validateAccount } from './validate-account';

const good = {
  type: 'totp',
  issuer: ' GitHub ',
  label: 'alice',
  secret: 'jbsw y3dp ehpk 3pxp',
  algorithm: 'SHA256',
  digits: 8,
  period: 30,
};

describe('validateAccount', () => {
  it('returns the canonical account', () => {
    expect(validateAccount(good)).toEqual({ ...good, issuer: 'GitHub', secret: 'JBSWY3DPEHPK3PXP' });
  });
  it('keeps HOTP counters and Steam shape', () => {
    expect(validateAccount({ ...good, type: 'hotp', counter: 5, period: undefined })).toMatchObject({
      type: 'hotp',
      counter: 5,
    });
    expect(validateAccount({ ...good, type: 'steam', digits: 5 })).toMatchObject({
      type: 'steam',
      digits: 5,
      algorithm: 'SHA1',
    });
  });
  it.each([
    [null, 'uri', 'account must be an object'],
    ['otpauth://totp/x?secret=AAAA', 'uri', 'account must be an object'],
    [{ ...good, type: 'motp' }, 'type', 'type must be totp, hotp or steam'],
    [{ ...good, secret: 42 }, 'secret', 'secret must be text'],
    [{ ...good, label: undefined }, 'label', 'label must be text'],
    [{ ...good, digits: '6' }, 'digits', 'digits must be a number'],
    [{ ...good, digits: 11 }, 'digits', 'digits must be 6-10 (got "11")'],
    [{ ...good, digits: 5 }, 'digits', 'digits must be 6-10 (got "5")'],
    [{ ...good, period: 0 }, 'period', 'period must be a whole number from 1 to 2147483647 (got "0")'],
    [{ ...good, secret: 'not base32!' }, 'secret', 'secret is not base32 (it contains "!")'],
    [{ ...good, secret: 'JBSWY3DPEHPK3PXP#junk' }, 'secret', 'secret is not base32 (it contains "#")'],
    [{ ...good, secret: 'JBSWY3DPEHPK3PXP&digits=9' }, 'secret', 'secret is not base32 (it contains "&")'],
    [{ ...good, algorithm: 'MD5' }, 'algorithm', 'algorithm must be SHA1, SHA256 or SHA512 (got "MD5")'],
    [
      { ...good, type: 'hotp', counter: -1 },
      'counter',
      'counter must be a whole number from 0 to 9007199254740991 (got "-1")',
    ],
  ])('rejects %j', (input, field, message) => {
    expect(() => validateAccount(input)).toThrow(expect.objectContaining({ field, message }));
  });
});
