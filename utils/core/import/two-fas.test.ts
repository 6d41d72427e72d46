import { describe, expect, it } from 'vitest';
import { utf8 } from '../internal/bytes';
import { codeAtCounter } from '../otp/otp';
import { importFile } from './import-file';

/** RFC 4226 Appendix D's secret ("12345678901234567890"); its code at counter 5 is 254676. */
const SEED20 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

function backup(schemaVersion: number, services: object[]): Uint8Array {
  return utf8(JSON.stringify({ schemaVersion, appVersionCode: 1, services, groups: [] }));
}

const service = (name: string, otp: object) => ({ name, secret: SEED20, otp: { account: 'alice', ...otp } });

describe('2FAS token types', () => {
  it.each([2, 3, 4])('honours an HOTP entry in schema %i (counter 5 gives RFC 4226 code 254676)', async (schema) => {
    const parsed = await importFile(backup(schema, [service('Counter', { tokenType: 'HOTP', counter: 5 })]));
    const account = parsed.accounts[0]!.account;
    expect(account).toMatchObject({ type: 'hotp', counter: 5, issuer: 'Counter', label: 'alice' });
    expect(codeAtCounter(account, 5)).toBe('254676');
  });

  it('reads an entry with no type as TOTP', async () => {
    const parsed = await importFile(backup(2, [service('Plain', { period: 30 })]));
    expect(parsed.accounts[0]?.account).toMatchObject({ type: 'totp', period: 30 });
  });

  it('refuses an unknown type by name instead of reading it as TOTP', async () => {
    const parsed = await importFile(
      backup(2, [service('Plain', {}), service('Mobile-OTP', { tokenType: 'MOTP', issuer: 'Mobile-OTP' })]),
    );
    expect(parsed.accounts.map(({ account }) => account.issuer)).toEqual(['Plain']);
    expect(parsed.skipped).toEqual([
      { name: expect.stringContaining('Mobile-OTP'), reason: expect.stringContaining('MOTP') },
    ]);
  });
});
