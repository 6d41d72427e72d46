/**
 * The Android apps' files of ../shared/fixtures/aegis-importers, each imported as Aegis's own
 * importer test expects (DatabaseImporterTest.java under
 * https://github.com/beemdevelopment/Aegis/tree/master/app/src/test): matched by secret, with
 * the adjustments each app needs for what it cannot store, and checked by their codes.
 */
import { describe, expect, it } from 'vitest';
import { expectedAegisEntries, readFixtureBytes, type ExpectedEntry } from '../../../tests/shared-fixtures';
import type { Account } from '../otp/account';
import { utf8 } from '../internal/bytes';
import { codeAtCounter, generateCode } from '../otp/otp';
import { importFile } from './import-file';

const bytes = (file: string) => readFixtureBytes(`aegis-importers/${file}`);
const text = (file: string) => new TextDecoder().decode(bytes(file));
const EXPECTED = expectedAegisEntries();
const AT = 1_234_567_890_000;

/**
 * How an app's file differs from the reference entry:
 * `authy`: Authy has no hash or period setting (SHA1, 30 s);
 * `totp-authenticator`: the app makes SHA1 codes only and lowercases names;
 * `duo`: Duo keeps no issuer, and its file stores the HOTP counter as 3 (Aegis's test overrides it);
 * `steam`: a maFile names its issuer "Steam".
 */
type Adjustment = 'authy' | 'totp-authenticator' | 'duo' | 'steam';

function expectedAccount(entry: ExpectedEntry, adjust?: Adjustment): Record<string, unknown> {
  const base = {
    type: entry.type,
    algorithm: entry.algo,
    digits: entry.digits,
    issuer: entry.issuer,
    label: entry.name,
    secret: entry.secret,
    ...(entry.type === 'hotp' ? { counter: entry.counter } : { period: entry.period }),
  };
  switch (adjust) {
    case 'authy':
      return { ...base, algorithm: 'SHA1', period: 30 };
    case 'totp-authenticator':
      return { ...base, algorithm: 'SHA1', label: entry.name.toLowerCase() };
    case 'duo':
      return { ...base, issuer: '', ...(entry.type === 'hotp' ? { counter: 3 } : {}) };
    case 'steam':
      return { ...base, issuer: 'Steam' };
    default:
      return base;
  }
}

/** Where an app's parameters differ from the reference entry, the code the account must give is its own. */
const codeOf = (account: Account) =>
  account.type === 'hotp' ? codeAtCounter(account, account.counter) : generateCode(account, AT);

const CASES: [file: string, password: string | undefined, entries: number[], format: string, adjust?: Adjustment][] = [
  ['authy_plain.xml', undefined, [1, 2, 3], 'Authy', 'authy'],
  ['authy_encrypted.xml', 'testtest', [1, 2, 3], 'Authy', 'authy'],
  ['battle_net_authenticator.xml', undefined, [8], 'Battle.net'],
  ['duo.json', undefined, [1, 4], 'Duo Mobile', 'duo'],
  ['freeotp.xml', undefined, [1, 3, 4, 6], 'FreeOTP'],
  ['freeotp_plus_internal.xml', undefined, [1, 2, 3, 4, 5, 6], 'FreeOTP'],
  ['freeotp_v2_api23.xml', 'test', [1, 2, 3, 4, 5, 6], 'FreeOTP'],
  ['freeotp_v2_api25.xml', 'test', [1, 2, 3, 4, 5, 6], 'FreeOTP'],
  ['freeotp_v2_api27.xml', 'test', [1, 2, 3, 4, 5, 6], 'FreeOTP'],
  ['freeotp_v2_api34.xml', 'test', [1, 2, 3, 4, 5, 6], 'FreeOTP'],
  ['freeotp_v2_null_algo.xml', 'test', [1], 'FreeOTP'],
  ['steam.json', undefined, [7], 'Steam', 'steam'],
  ['steam_old.json', undefined, [7], 'Steam', 'steam'],
  ['totp_authenticator.bin', 'Testtest1', [1, 2, 3], 'TOTP Authenticator', 'totp-authenticator'],
  ['totp_authenticator_internal.xml', undefined, [1, 2, 3], 'TOTP Authenticator', 'totp-authenticator'],
];

describe('importing the Android apps’ files', () => {
  it.each(CASES)('%s gives its entries', async (file, password, numbers, format, adjust) => {
    const parsed = await importFile(bytes(file), password);
    expect(parsed.format).toBe(format);
    expect(parsed.skipped).toEqual([]);
    const expected = numbers.map((n) => EXPECTED[n - 1]!);
    expect(parsed.accounts.map(({ account }) => account.secret).sort()).toEqual(
      expected.map((entry) => entry.secret).sort(),
    );
    for (const entry of expected) {
      const { account } = parsed.accounts.find((item) => item.account.secret === entry.secret)!;
      const want = expectedAccount(entry, adjust);
      expect(account, `${file}: ${entry.issuer}`).toMatchObject(want);
      // The code the app would show: the reference one where the parameters are the reference's.
      const same =
        want.algorithm === entry.algo &&
        want.digits === entry.digits &&
        (entry.type === 'hotp' ? want.counter === entry.counter : want.period === entry.period);
      if (same && entry.type === 'hotp') expect(codeOf(account)).toBe(entry.code_at_counter);
      if (same && entry.type !== 'hotp') expect(codeOf(account)).toBe(entry.codes_at_unix_time!['1234567890']);
    }
  });

  it.each(CASES.filter(([, password]) => password))(
    '%s: no password asks for one, a wrong one fails cleanly',
    async (file) => {
      await expect(importFile(bytes(file))).rejects.toMatchObject({ name: 'ImportError', code: 'password-required' });
      await expect(importFile(bytes(file), 'not the password')).rejects.toMatchObject({
        name: 'ImportError',
        code: 'wrong-password',
      });
    },
  );

  it.each(CASES)('%s: a copy cut short gives a typed error', async (file, password) => {
    const whole = bytes(file);
    for (const length of [1, 40, Math.floor(whole.length / 2), whole.length - 3]) {
      await expect(importFile(whole.subarray(0, length), password), `${length} bytes`).rejects.toMatchObject({
        name: 'ImportError',
      });
    }
  });
});

describe('what the Android importers refuse or skip', () => {
  it('skips a FreeOTP token of a type Tessera cannot represent, naming it', async () => {
    const xml = text('freeotp.xml').replace(
      '&quot;type&quot;:&quot;HOTP&quot;}</string>\n    <string name="Airbnb',
      '&quot;type&quot;:&quot;MOTP&quot;}</string>\n    <string name="Airbnb',
    );
    const parsed = await importFile(utf8(xml));
    expect(parsed.accounts).toHaveLength(3);
    expect(parsed.skipped).toEqual([{ name: 'Entry 1: WWE: Mason', reason: expect.stringContaining('MOTP') }]);
  });

  it('skips a Duo push account, naming it', async () => {
    const list = JSON.parse(text('duo.json')) as Record<string, unknown>[];
    list.push({ name: 'Work VPN', accountType: 'DuoAccount', pkey: 'p' });
    const parsed = await importFile(utf8(JSON.stringify(list)));
    expect(parsed.accounts).toHaveLength(2);
    expect(parsed.skipped).toEqual([{ name: 'Entry 3: Work VPN', reason: expect.stringContaining('push') }]);
  });

  it('refuses a preferences file with a DOCTYPE (entity expansion) before parsing it', async () => {
    const bomb = text('authy_plain.xml').replace(
      "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>",
      `<?xml version='1.0'?><!DOCTYPE map [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>`,
    );
    await expect(importFile(utf8(bomb))).rejects.toMatchObject({
      code: 'malformed',
      message: expect.stringContaining('DOCTYPE'),
    });
  });

  it('refuses deeply nested XML', async () => {
    const deep = `<map><string name="tokenOrder">[]</string>${'<set>'.repeat(50_000)}${'</set>'.repeat(50_000)}</map>`;
    await expect(importFile(utf8(deep))).rejects.toMatchObject({ name: 'ImportError', code: 'malformed' });
  });

  it('refuses XML that is not well-formed, naming the app', async () => {
    const broken = text('battle_net_authenticator.xml').replace('</map>', '');
    await expect(importFile(utf8(broken))).rejects.toMatchObject({
      code: 'malformed',
      message: expect.stringContaining('Battle.net'),
    });
  });

  it('reads a FreeOTP 2 backup whose token lost its details as the rest, naming the lost one', async () => {
    // Rename one "<uuid>-token" (same length keeps the stream valid): its secret has no details left.
    const renamed = Uint8Array.from(bytes('freeotp_v2_api34.xml'));
    const at = new TextDecoder('latin1').decode(renamed).indexOf('-token') - 36;
    const uuid = new TextDecoder().decode(renamed.subarray(at, at + 36));
    renamed[at] = renamed[at] === 0x30 ? 0x31 : 0x30;
    const parsed = await importFile(renamed, 'test');
    expect(parsed.accounts).toHaveLength(5);
    expect(parsed.skipped).toEqual([{ name: `Token ${uuid}`, reason: expect.stringContaining('missing') }]);
  });

  it('refuses a FreeOTP 2 backup holding something other than a HashMap of strings', async () => {
    const original = bytes('freeotp_v2_api34.xml');
    const other = Uint8Array.from(original);
    other.set(utf8('java.util.TreeMap'), 8);
    await expect(importFile(other, 'test')).rejects.toMatchObject({
      code: 'malformed',
      message: expect.stringContaining('java.util.TreeMap'),
    });
  });
});
