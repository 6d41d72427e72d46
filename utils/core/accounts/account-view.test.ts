import { describe, expect, it } from 'vitest';
import type { Account } from '../otp/account';
import { generateCode } from '../otp/otp';
import { siteOf } from '../fill/site-of';
import { accountView } from './account-view';

const TOTP: Account = {
  type: 'totp',
  issuer: 'Demo',
  label: 'a',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
};
const HOTP: Account = {
  type: 'hotp',
  issuer: 'Demo',
  label: 'h',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  counter: 3,
};
const AT = Date.UTC(2026, 11, 1, 20, 0, 10); // 10 s into a 30 s step

describe('accountView with a clock correction', () => {
  it.each([
    ['none', 0, AT - 10_000],
    ['2 min 5 s (this clock is slow)', 125_000, AT - 15_000],
    ['−5 min 3 s (this clock is fast)', -303_000, AT - 7_000],
  ])('%s: the code is for the corrected time, validFrom on the local clock', (_name, offsetMs, validFrom) => {
    const view = accountView({ id: '1', account: TOTP }, AT, offsetMs, siteOf);
    expect(view.code).toBe(generateCode(TOTP, AT + offsetMs));
    expect(view.validFrom).toBe(validFrom);
    expect(view.validFrom! + 30_000).toBeGreaterThan(AT); // the popup's refetch timer lies ahead
  });

  it('leaves HOTP codes alone', () => {
    expect(accountView({ id: '2', account: HOTP }, AT, 125_000, siteOf).code).toBe(generateCode(HOTP, AT));
  });
});

describe('accountView: tags and site icons', () => {
  const PNG =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  it('passes tags on, and leaves them out when there are none', () => {
    expect(accountView({ id: '1', account: TOTP, tags: ['Work'] }, AT, 0, siteOf).tags).toEqual(['Work']);
    expect(accountView({ id: '1', account: TOTP, tags: [] }, AT, 0, siteOf)).not.toHaveProperty('tags');
  });
  it('shows a stored icon only while a binding covers its origin', () => {
    const icon = { origin: 'https://github.com', png: PNG };
    expect(accountView({ id: '1', account: TOTP, icon, sites: ['https://github.com'] }, AT, 0, siteOf).icon).toBe(PNG);
    expect(
      accountView({ id: '1', account: TOTP, icon, sites: ['https://evil.example'] }, AT, 0, siteOf),
    ).not.toHaveProperty('icon');
    expect(accountView({ id: '1', account: TOTP, icon }, AT, 0, siteOf)).not.toHaveProperty('icon');
  });
});
