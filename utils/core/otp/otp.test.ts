import { describe, expect, it } from 'vitest';
import { expectedAegisEntries } from '../../../tests/shared-fixtures';
import type { Account, HashAlgorithm, TimeBasedAccount } from './account';
import { codeAtCounter, generateCode, normaliseSecret, verifyCode } from './otp';
import { OtpFieldError } from './otp-field-error';

/** ASCII "12345678901234567890" (RFC 4226 Appendix D; RFC 6238's SHA1 seed). */
const SEED20 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const SEED32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA';
const SEED64 =
  'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA';

const totp = (secret: string, algorithm: HashAlgorithm, digits = 8, period = 30): TimeBasedAccount => ({
  type: 'totp',
  issuer: '',
  label: '',
  secret,
  algorithm,
  digits,
  period,
});

describe('RFC 4226 Appendix D (HOTP)', () => {
  const codes = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(codes.map((code, counter) => [counter, code]))('counter %i gives %s', (counter, code) => {
    const account: Account = {
      type: 'hotp',
      issuer: '',
      label: '',
      secret: SEED20,
      algorithm: 'SHA1',
      digits: 6,
      counter,
    };
    expect(generateCode(account, 0)).toBe(code);
  });
});

describe('RFC 6238 Appendix B (TOTP)', () => {
  const table: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  it.each(table)('t=%i: SHA1 %s, SHA256 %s, SHA512 %s', (seconds, sha1, sha256, sha512) => {
    expect(generateCode(totp(SEED20, 'SHA1'), seconds * 1000)).toBe(sha1);
    expect(generateCode(totp(SEED32, 'SHA256'), seconds * 1000)).toBe(sha256);
    expect(generateCode(totp(SEED64, 'SHA512'), seconds * 1000)).toBe(sha512);
  });
});

/**
 * 9 and 10 digits. RFC 4226 Appendix D lists the 31-bit "Truncated" value for each counter; a
 * d-digit code is that value mod 10^d, zero-padded, so 10 digits is the whole value. For TOTP,
 * the last 8 digits of a 10-digit code must be RFC 6238's 8-digit code.
 */
describe('9 and 10 digit codes (RFC 4226 Appendix D truncated values)', () => {
  const truncated = [
    1284755224, 1094287082, 137359152, 1726969429, 1640338314, 868254676, 1918287922, 82162583, 673399871, 645520489,
  ];
  it.each(truncated.map((value, counter) => [counter, value]))('counter %i: value %i', (counter, value) => {
    const account = (digits: number): Account => ({
      type: 'hotp',
      issuer: '',
      label: '',
      secret: SEED20,
      algorithm: 'SHA1',
      digits,
      counter,
    });
    expect(generateCode(account(10), 0)).toBe(String(value).padStart(10, '0'));
    expect(generateCode(account(9), 0)).toBe(String(value % 1e9).padStart(9, '0'));
  });

  it.each([59, 1111111109, 1234567890, 2000000000, 20000000000])(
    'TOTP at t=%i ends with the 8-digit code',
    (seconds) => {
      for (const [seed, algorithm] of [
        [SEED20, 'SHA1'],
        [SEED32, 'SHA256'],
        [SEED64, 'SHA512'],
      ] as const) {
        const ten = generateCode(totp(seed, algorithm, 10), seconds * 1000);
        expect(ten).toMatch(/^\d{10}$/);
        expect(Number(ten)).toBeLessThan(2 ** 31);
        expect(ten.slice(2)).toBe(generateCode(totp(seed, algorithm, 8), seconds * 1000));
        expect(generateCode(totp(seed, algorithm, 9), seconds * 1000)).toBe(ten.slice(1));
      }
    },
  );
});

describe('Steam Guard (KeePassXC tests/TestTotp.cpp)', () => {
  const steam: Account = { ...totp('63BEDWCQZKTQWPESARIERL5DTTQFCJTK', 'SHA1', 5), type: 'steam' };
  it.each([
    [1511200518, 'FR8RV'],
    [1511200714, '9P3VP'],
  ])('t=%i gives %s', (seconds, code) => {
    expect(generateCode(steam, seconds * 1000)).toBe(code);
  });
});

describe('the Aegis reference entries (../shared/fixtures/aegis-expected-entries.json)', () => {
  for (const entry of expectedAegisEntries()) {
    const base = {
      issuer: entry.issuer,
      label: entry.name,
      secret: entry.secret,
      algorithm: entry.algo,
      digits: entry.digits,
    };
    if (entry.type === 'hotp') {
      it(`${entry.issuer} (HOTP, counter ${entry.counter})`, () => {
        expect(generateCode({ ...base, type: 'hotp', counter: entry.counter! }, 0)).toBe(entry.code_at_counter);
      });
      continue;
    }
    it.each(Object.entries(entry.codes_at_unix_time!))(`${entry.issuer} (${entry.type}) at t=%s`, (seconds, code) => {
      expect(
        generateCode({ ...base, type: entry.type as 'totp' | 'steam', period: entry.period! }, Number(seconds) * 1000),
      ).toBe(code);
    });
  }
});

describe('verifyCode with a ±1 step window', () => {
  const account = totp(SEED20, 'SHA1');
  const at = 1111111111 * 1000;
  it.each([
    ['the current step', 1111111111, 0],
    ['the previous step', 1111111111 - 30, -1],
    ['the next step', 1111111111 + 30, 1],
  ])('accepts a code from %s', (_, seconds, offset) => {
    expect(verifyCode(account, generateCode(account, seconds * 1000), at)).toBe(offset);
  });
  it.each([
    ['two steps ago', 1111111111 - 60],
    ['two steps ahead', 1111111111 + 60],
  ])('rejects a code from %s', (_, seconds) => {
    expect(verifyCode(account, generateCode(account, seconds * 1000), at)).toBeNull();
  });
  it('rejects empty, short and garbage input', () => {
    for (const code of ['', '1405047', '140504711', 'abcdefgh']) expect(verifyCode(account, code, at)).toBeNull();
  });
  it('ignores spaces a user typed ("140 504 71")', () => {
    expect(verifyCode(account, '1405 0471', at)).toBe(0);
  });
  it('looks ahead for HOTP and reports how far', () => {
    const hotp: Account = {
      type: 'hotp',
      issuer: '',
      label: '',
      secret: SEED20,
      algorithm: 'SHA1',
      digits: 6,
      counter: 3,
    };
    expect(verifyCode(hotp, '969429', 0)).toBe(0);
    expect(verifyCode(hotp, '338314', 0)).toBe(1);
    expect(verifyCode(hotp, '287082', 0)).toBeNull();
  });
  it('verifies Steam codes case-insensitively', () => {
    const steam: Account = { ...totp('63BEDWCQZKTQWPESARIERL5DTTQFCJTK', 'SHA1', 5), type: 'steam' };
    expect(verifyCode(steam, 'fr8rv', 1511200518 * 1000)).toBe(0);
  });
  it('codeAtCounter never goes below step 0', () => {
    expect(verifyCode(account, codeAtCounter(account, 0), 0)).toBe(0);
  });
});

describe('normaliseSecret', () => {
  it.each([
    ['gezdgnbvgy3tqojq', 'GEZDGNBVGY3TQOJQ'],
    ['GEZD GNBV GY3T QOJQ', 'GEZDGNBVGY3TQOJQ'],
    ['gezd-gnbv-gy3t-qojq', 'GEZDGNBVGY3TQOJQ'],
    ['MZXW6===', 'MZXW6'],
    ['  MZXW6YQ=\n', 'MZXW6YQ'],
  ])('%j -> %s', (input, canonical) => {
    expect(normaliseSecret(input)).toBe(canonical);
  });
  it.each([
    ['', 'secret is missing'],
    ['   ', 'secret is missing'],
    ['GEZ1', 'secret is not base32 (it contains "1")'],
    ['GEZ=D', 'secret is not base32 (it contains "=")'],
    ['A', 'secret is too short to hold a key'],
  ])('rejects %j: %s', (input, message) => {
    expect(() => normaliseSecret(input)).toThrow(new OtpFieldError('secret', message));
  });
});
