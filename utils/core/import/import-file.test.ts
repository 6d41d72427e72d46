import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedAegisEntries, fixturePath, type ExpectedEntry } from '../../../tests/shared-fixtures';
import type { Account } from '../otp/account';
import { utf8 } from '../internal/bytes';
import { generateCode } from '../otp/otp';
import { importFile } from './import-file';

const bytes = (file: string) =>
  new Uint8Array(readFileSync(fixturePath(file.includes('/') ? file : `aegis-importers/${file}`)));
const EXPECTED = expectedAegisEntries();

/**
 * How a format's file differs from the reference entries, as Aegis's own importer test allows
 * for (the fixtures are its test files; DatabaseImporterTest.java under
 * https://github.com/beemdevelopment/Aegis/tree/master/app/src/test):
 * `totp`: no type in the file, so every entry is TOTP (30 s unless the file says otherwise);
 * `defaults`: no parameters at all (TOTP, SHA1, 6 digits, 30 s); `unnamed-steam`: a bare
 * steam:// secret takes the item's name.
 */
type Adjustment = 'totp' | 'defaults' | 'unnamed-steam';

function expectedAccount(entry: ExpectedEntry, adjust?: Adjustment): Partial<Account> {
  const base = {
    type: entry.type,
    algorithm: entry.algo,
    digits: entry.digits,
    issuer: entry.issuer,
    label: entry.name,
    secret: entry.secret,
  };
  if (adjust === 'defaults') return { ...base, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 };
  if (adjust === 'totp' && entry.type === 'hotp') return { ...base, type: 'totp', period: 30 };
  if (adjust === 'unnamed-steam' && entry.type === 'steam')
    return { type: 'steam', secret: entry.secret, digits: 5, algorithm: 'SHA1', period: 30 };
  return entry.type === 'hotp' ? { ...base, counter: entry.counter } : { ...base, period: entry.period };
}

const CASES: [file: string, password: string | undefined, entries: number[], format: string, adjust?: Adjustment][] = [
  ['plain.txt', undefined, [1, 2, 3, 4, 5, 6, 7], 'otpauth:// list'],
  ['ente_auth.txt', undefined, [1, 2, 3, 4, 5, 6, 7], 'otpauth:// list'],
  ['aegis_plain.json', undefined, [1, 2, 3, 4, 5, 6, 7], 'Aegis'],
  ['aegis_encrypted.json', 'test', [1, 2, 3, 4, 5, 6, 7], 'Aegis'],
  ['aegis-vault/aegis_plain_grouped_v2.json', undefined, [1, 2, 3, 4, 5, 6, 7], 'Aegis'],
  ['2fas_authenticator.json', undefined, [1, 2, 3, 4, 5, 6], '2FAS', 'defaults'],
  ['2fas_authenticator_plain.2fas', undefined, [1, 3, 4, 6], '2FAS', 'totp'],
  ['2fas_authenticator_encrypted.2fas', 'test', [1, 3, 4, 6], '2FAS', 'totp'],
  ['2fas_authenticator_plain_v3.2fas', undefined, [1, 2, 3, 4, 5, 6], '2FAS'],
  ['2fas_authenticator_encrypted_v3.2fas', 'test', [1, 2, 3, 4, 5, 6], '2FAS'],
  ['2fas_authenticator_plain_v4.2fas', undefined, [1, 4, 5, 6, 7], '2FAS'],
  ['2fas_authenticator_encrypted_v4.2fas', 'test', [1, 4, 5, 6, 7], '2FAS'],
  ['andotp_plain.json', undefined, [1, 2, 3, 4, 5, 6, 7], 'andOTP'],
  ['andotp_encrypted.bin', 'test', [1, 2, 3, 4, 5, 6, 7], 'andOTP'],
  ['andotp_encrypted_old.bin', 'test', [1, 2, 3, 4, 5, 6], 'andOTP'],
  ['bitwarden.json', undefined, [1, 2, 3, 7], 'Bitwarden', 'unnamed-steam'],
  ['bitwarden.csv', undefined, [1, 2, 3, 7], 'Bitwarden CSV', 'unnamed-steam'],
  ['freeotp_plus.json', undefined, [1, 2, 3, 4, 5, 6], 'FreeOTP+'],
  ['proton_authenticator.json', undefined, [1, 2, 3], 'Proton Authenticator'],
  ['stratum_plain.json', undefined, [1, 2, 3, 4, 5, 6, 7], 'Stratum'],
  ['stratum_encrypted.bin', 'test', [1, 2, 3, 4, 5, 6, 7], 'Stratum'],
  ['stratum_encrypted_legacy.bin', 'test', [1, 2, 3, 4, 5, 6, 7], 'Stratum'],
];

describe('Google Authenticator exports as extract_otp_secrets keeps them', () => {
  type Output = { name: string; secret: string; issuer: string; type: string; counter: number | null };
  const expected = (JSON.parse(readFileSync(fixturePath('google-migration/example_output.json'), 'utf8')) as Output[])
    .map((entry) => `${entry.type} ${entry.secret} ${entry.counter ?? ''}`)
    .sort();

  it.each([
    ['google-migration/example_export.txt', 'otpauth:// list'],
    ['google-migration/example_output.json', 'extract_otp_secrets'],
  ])('%s (with # comments) gives the decoded entries', async (file, format) => {
    const parsed = await importFile(bytes(file));
    expect(parsed.format).toBe(format);
    expect(parsed.skipped).toEqual([]);
    const got = parsed.accounts.map(({ account }) =>
      [account.type, account.secret, account.type === 'hotp' ? account.counter : ''].join(' '),
    );
    expect(got.sort()).toEqual(expected);
  });

  it.each([
    ['test_export_wrong_content.txt', 'not-recognised'],
    ['test_export_wrong_data.txt', 'malformed'],
    ['test_export_wrong_prefix.txt', 'not-recognised'],
    ['text_masquerading_as_image.jpeg', 'not-recognised'],
    ['qr_but_without_otp.png', 'not-recognised'],
  ])('%s gives a typed error (%s) and nothing', async (file, code) => {
    await expect(importFile(bytes(`google-migration/${file}`))).rejects.toMatchObject({ name: 'ImportError', code });
  });

  it('takes the TOTP-only export too', async () => {
    const parsed = await importFile(bytes('google-migration/example_export_only_totp.txt'));
    expect(parsed.accounts.length).toBeGreaterThan(0);
    expect(parsed.accounts.every(({ account }) => account.type === 'totp')).toBe(true);
  });
});

describe('importing the shared fixtures', () => {
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
      expect(account, `${file}: ${entry.issuer}`).toMatchObject(expectedAccount(entry, adjust));
      // The code the app would show: at a fixed time, or at the stored counter.
      if (!adjust && entry.type !== 'hotp')
        expect(generateCode(account, 1_234_567_890_000)).toBe(entry.codes_at_unix_time!['1234567890']);
      if (!adjust && entry.type === 'hotp') expect(generateCode(account, 0)).toBe(entry.code_at_counter);
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

  it('keeps groups, folders and tags as tags', async () => {
    const grouped = await importFile(bytes('aegis-vault/aegis_plain_grouped_v2.json'));
    const tags = grouped.accounts.flatMap(({ tags }) => tags);
    expect(tags.filter((tag) => tag === 'group1')).toHaveLength(2);
    expect(tags.filter((tag) => tag === 'group2')).toHaveLength(1);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'empty'],
    ['a picture', bytes('google-migration/qr_but_without_otp.png'), 'not-recognised'],
    ['an encrypted ZIP archive with a wrong password', bytes('authenticator_plus.zip'), 'wrong-password'],
    [
      'random bytes with a wrong password',
      Uint8Array.from({ length: 200 }, (_, i) => (i * 37) % 256),
      'wrong-password',
    ],
    ['plain text', new TextEncoder().encode('Dear diary,\nno codes today.'), 'not-recognised'],
    ['some other JSON', new TextEncoder().encode('{"hello": "world"}'), 'not-recognised'],
    ['a truncated Aegis file', bytes('aegis_plain.json').subarray(0, 400), 'not-recognised'],
    [
      'a password-protected Bitwarden export whose data is damaged (bitwarden-encrypted.test.ts reads whole ones)',
      new TextEncoder().encode('{"encrypted": true, "passwordProtected": true, "data": "x"}'),
      'malformed',
    ],
    [
      'an account-restricted Bitwarden export, which only Bitwarden can open',
      new TextEncoder().encode('{"encrypted": true, "encKeyValidation_DO_NOT_EDIT": "2.a|b|c", "items": []}'),
      'not-recognised',
    ],
  ] as const)('%s gives a typed error', async (_, content, code) => {
    await expect(importFile(content, 'test')).rejects.toMatchObject({ name: 'ImportError', code });
  });

  it('skips entries Tessera cannot represent, naming them, and imports the rest', async () => {
    const vault = JSON.parse(new TextDecoder().decode(bytes('aegis_plain.json'))) as {
      db: { entries: { type: string; info: Record<string, unknown> }[] };
    };
    vault.db.entries[0]!.type = 'motp';
    vault.db.entries[1]!.info.algo = 'MD5';
    const parsed = await importFile(utf8(JSON.stringify(vault)));
    expect(parsed.accounts).toHaveLength(5);
    expect(parsed.skipped).toEqual([
      { name: 'Entry 1: Deno: Mason', reason: expect.stringContaining('motp') },
      { name: 'Entry 2: SPDX: James', reason: expect.stringContaining('algorithm') },
    ]);
  });

  it('refuses an Aegis file whose scrypt settings no real vault has, before deriving', async () => {
    const vault = JSON.parse(new TextDecoder().decode(bytes('aegis_encrypted.json'))) as {
      header: { slots: { n: number }[] };
    };
    vault.header.slots[0]!.n = 2 ** 30;
    await expect(importFile(utf8(JSON.stringify(vault)), 'test')).rejects.toMatchObject({
      code: 'malformed',
      message: expect.stringContaining('scrypt N is 1,073,741,824, above the limit of 1,048,576'),
    });
  });

  it('says so when the encrypted data of an Aegis file is not base64', async () => {
    const vault = JSON.parse(new TextDecoder().decode(bytes('aegis_encrypted.json'))) as { db: string };
    await expect(importFile(utf8(JSON.stringify({ ...vault, db: '%%%' })), 'test')).rejects.toMatchObject({
      code: 'malformed',
      message: 'This Aegis export is damaged: its data is not base64.',
    });
  });

  it('offers the valid entries of a file with a damaged one, listing it with its place and why', async () => {
    const vault = JSON.parse(new TextDecoder().decode(bytes('aegis_plain.json'))) as {
      db: { entries: { info: Record<string, unknown> }[] };
    };
    vault.db.entries[2]!.info.secret = 'not base32!';
    const aegis = await importFile(utf8(JSON.stringify(vault)));
    expect(aegis.accounts).toHaveLength(6);
    expect(aegis.skipped).toEqual([{ name: 'Entry 3: Airbnb: Elijah', reason: expect.stringMatching(/secret/i) }]);

    const list = new TextDecoder()
      .decode(bytes('plain.txt'))
      .replace('secret=KUVJJOM753IHTNDSZVCNKL7GII', 'secret=')
      .replace(/\n/, '\nnot a link at all\n');
    const parsed = await importFile(utf8(list));
    expect(parsed.accounts).toHaveLength(6);
    expect(parsed.skipped.map((item) => item.name)).toEqual([
      'Line 2 (not a link at all)',
      expect.stringMatching(/^Line 6 \(otpauth:\/\/hotp\/Air%20Canada/),
    ]);
    expect(parsed.skipped.map((item) => item.name).join()).not.toContain('KUVJ');

    const twoFas = JSON.parse(new TextDecoder().decode(bytes('2fas_authenticator_plain_v4.2fas'))) as {
      services: { secret: string }[];
    };
    twoFas.services[1]!.secret = '0189!';
    const fas = await importFile(utf8(JSON.stringify(twoFas)));
    expect(fas.accounts).toHaveLength(4);
    expect(fas.skipped).toEqual([{ name: expect.stringMatching(/^Entry 2: /), reason: expect.any(String) }]);
  });

  it('lists an entry of the wrong kind (null, a number) as damaged and offers the rest', async () => {
    const vault = JSON.parse(new TextDecoder().decode(bytes('aegis_plain.json'))) as { db: { entries: unknown[] } };
    vault.db.entries[1] = null;
    const parsed = await importFile(utf8(JSON.stringify(vault)));
    expect(parsed.accounts).toHaveLength(6);
    expect(parsed.skipped).toEqual([
      { name: expect.stringMatching(/^Entry 2: /), reason: expect.stringContaining('damaged') },
    ]);
  });

  it('hides the secret of a refused steam:// or migration line', async () => {
    const parsed = await importFile(
      utf8('otpauth://totp/A?secret=JBSWY3DPEHPK3PXP\nsteam://JBSWY3DPEHPK3PXPJBSWY3DP1EHPK3P\n'),
    );
    expect(parsed.skipped.map((item) => item.name)).toEqual(['Line 2 (steam://…)']);
  });

  it('refuses a file whose every entry is damaged, naming them, and a damaged migration line alone', async () => {
    await expect(importFile(utf8('otpauth://totp/A?secret=1\notpauth://totp/B?secret=%'))).rejects.toMatchObject({
      code: 'malformed',
      message: expect.stringContaining('Line 2'),
    });
    await expect(importFile(utf8('otpauth-migration://offline?data=AAAA'))).rejects.toMatchObject({
      code: 'malformed',
      message: expect.stringContaining('Line 1'),
    });
  });
});
