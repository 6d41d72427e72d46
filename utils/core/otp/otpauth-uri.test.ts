import { describe, expect, it } from 'vitest';
import { expectedAegisEntries, readFixture } from '../../../tests/shared-fixtures';
import type { Account } from './account';
import { buildOtpauthUri } from './build-otpauth-uri';
import { OtpFieldError } from './otp-field-error';
import { inspectOtpauthUri, parseOtpauthUri } from './otpauth-uri';

const S = 'JBSWY3DPEHPK3PXP';
const totp = (over: Partial<Account> = {}): Account =>
  ({ type: 'totp', issuer: '', label: '', secret: S, algorithm: 'SHA1', digits: 6, period: 30, ...over }) as Account;
const hotp = (over: Partial<Account> = {}): Account =>
  ({ type: 'hotp', issuer: '', label: '', secret: S, algorithm: 'SHA1', digits: 6, counter: 0, ...over }) as Account;
const steam = (over: Partial<Account> = {}): Account =>
  ({ type: 'steam', issuer: '', label: '', secret: S, algorithm: 'SHA1', digits: 5, period: 30, ...over }) as Account;

describe('parseOtpauthUri accepts', () => {
  const valid: [string, string, Account][] = [
    [
      'the wiki example',
      `otpauth://totp/Example:alice@google.com?secret=${S}&issuer=Example`,
      totp({ issuer: 'Example', label: 'alice@google.com' }),
    ],
    ['no issuer anywhere', `otpauth://totp/alice@google.com?secret=${S}`, totp({ label: 'alice@google.com' })],
    [
      'issuer only as label prefix',
      `otpauth://totp/ACME%20Co:john@example.com?secret=${S}`,
      totp({ issuer: 'ACME Co', label: 'john@example.com' }),
    ],
    [
      'issuer only as parameter',
      `otpauth://totp/john?secret=${S}&issuer=ACME`,
      totp({ issuer: 'ACME', label: 'john' }),
    ],
    ['a literal colon in the label', `otpauth://totp/ACME:john?secret=${S}`, totp({ issuer: 'ACME', label: 'john' })],
    [
      '%3A and %20 before the name',
      `otpauth://totp/Big%20Corporation%3A%20alice%40bigco.com?secret=${S}`,
      totp({ issuer: 'Big Corporation', label: 'alice@bigco.com' }),
    ],
    [
      '+ as space in the issuer parameter',
      `otpauth://hotp/Air%20Canada:Benjamin?secret=${S}&issuer=Air+Canada&counter=50`,
      hotp({ issuer: 'Air Canada', label: 'Benjamin', counter: 50 }),
    ],
    [
      '+ kept in the label',
      `otpauth://totp/alice+work@example.com?secret=${S}`,
      totp({ label: 'alice+work@example.com' }),
    ],
    [
      'the parameter winning over a different prefix',
      `otpauth://totp/Work:alice?secret=${S}&issuer=GitHub`,
      totp({ issuer: 'GitHub', label: 'alice' }),
    ],
    [
      'an issuer that holds a colon',
      `otpauth://totp/A%3AB:carol?secret=${S}&issuer=A%3AB`,
      totp({ issuer: 'A:B', label: 'carol' }),
    ],
    [
      'a case-insensitive prefix match',
      `otpauth://totp/github:dave?secret=${S}&issuer=GitHub`,
      totp({ issuer: 'GitHub', label: 'dave' }),
    ],
    ['an empty label', `otpauth://totp/?secret=${S}&issuer=X`, totp({ issuer: 'X' })],
    ['no path at all', `otpauth://totp?secret=${S}`, totp()],
    [
      'UTF-8 names',
      `otpauth://totp/%C3%9Cber%C3%A7o:j%C3%BCrgen?secret=${S}`,
      totp({ issuer: 'Überço', label: 'jürgen' }),
    ],
    ['lowercase secret', `otpauth://totp/x?secret=jbswy3dpehpk3pxp`, totp({ label: 'x' })],
    ['spaced secret (%20)', `otpauth://totp/x?secret=JBSW%20Y3DP%20EHPK%203PXP`, totp({ label: 'x' })],
    ['spaced secret (+)', `otpauth://totp/x?secret=JBSW+Y3DP+EHPK+3PXP`, totp({ label: 'x' })],
    ['dashed secret', `otpauth://totp/x?secret=JBSW-Y3DP-EHPK-3PXP`, totp({ label: 'x' })],
    ['padded secret', `otpauth://totp/x?secret=MZXW6===`, totp({ label: 'x', secret: 'MZXW6' })],
    ['percent-encoded padding', `otpauth://totp/x?secret=MZXW6%3D%3D%3D`, totp({ label: 'x', secret: 'MZXW6' })],
    [
      'SHA256 in lower case',
      `otpauth://totp/x?secret=${S}&algorithm=sha256`,
      totp({ label: 'x', algorithm: 'SHA256' }),
    ],
    [
      'SHA512 written SHA-512',
      `otpauth://totp/x?secret=${S}&algorithm=SHA-512`,
      totp({ label: 'x', algorithm: 'SHA512' }),
    ],
    ['7 digits', `otpauth://totp/x?secret=${S}&digits=7`, totp({ label: 'x', digits: 7 })],
    [
      '8 digits and a 60 s period',
      `otpauth://totp/x?secret=${S}&digits=8&period=60`,
      totp({ label: 'x', digits: 8, period: 60 }),
    ],
    ['an unusual period', `otpauth://totp/x?secret=${S}&period=20`, totp({ label: 'x', period: 20 })],
    ['upper-case scheme, type and keys', `OTPAUTH://TOTP/x?SECRET=${S}&DIGITS=8`, totp({ label: 'x', digits: 8 })],
    ['hotp with a counter', `otpauth://hotp/x?secret=${S}&counter=10300`, hotp({ label: 'x', counter: 10300 })],
    ['hotp without a counter (starts at 0)', `otpauth://hotp/x?secret=${S}`, hotp({ label: 'x' })],
    [
      'hotp ignoring a period',
      `otpauth://hotp/WWE:Mason?algorithm=sha512&digits=8&issuer=WWE&period=30&secret=${S}&counter=7`,
      hotp({ issuer: 'WWE', label: 'Mason', algorithm: 'SHA512', digits: 8, counter: 7 }),
    ],
    [
      'otpauth://steam/',
      `otpauth://steam/Steam:gaben?secret=${S}&issuer=Steam`,
      steam({ issuer: 'Steam', label: 'gaben' }),
    ],
    [
      'steam ignoring digits and algorithm',
      `otpauth://steam/Boeing:Sophia?secret=${S}&issuer=Boeing&algorithm=SHA1&digits=5&period=30`,
      steam({ issuer: 'Boeing', label: 'Sophia' }),
    ],
    [
      'encoder=steam (KeePassXC)',
      `otpauth://totp/Steam:gaben?secret=${S}&encoder=steam&digits=5`,
      steam({ issuer: 'Steam', label: 'gaben' }),
    ],
    ['steam://SECRET (Bitwarden)', `steam://${S}`, steam({ issuer: 'Steam' })],
    [
      'totp with the issuer Steam in the label, 5 digits',
      `otpauth://totp/Steam:gaben?secret=${S}&digits=5`,
      steam({ issuer: 'Steam', label: 'gaben' }),
    ],
    [
      'totp with issuer=steam (any case), other parameters ignored',
      `otpauth://totp/gaben?secret=${S}&issuer=steam&algorithm=SHA256&digits=6&period=60`,
      steam({ issuer: 'steam', label: 'gaben' }),
    ],
    ['9 digits', `otpauth://totp/x?secret=${S}&digits=9`, totp({ label: 'x', digits: 9 })],
    ['10 digits', `otpauth://hotp/x?secret=${S}&digits=10&counter=3`, hotp({ label: 'x', digits: 10, counter: 3 })],
    [
      'hotp with the issuer Steam stays HOTP',
      `otpauth://hotp/Steam:x?secret=${S}&counter=1`,
      hotp({ issuer: 'Steam', label: 'x', counter: 1 }),
    ],
    [
      'unknown parameters (Ente codeDisplay, FreeOTP image)',
      `otpauth://totp/x?secret=${S}&codeDisplay=%7B%22pinned%22%3Afalse%7D&image=https%3A%2F%2Fx%2Fi.png`,
      totp({ label: 'x' }),
    ],
    ['a broken escape in an ignored parameter', `otpauth://totp/x?secret=${S}&image=%ZZ`, totp({ label: 'x' })],
    [
      'repeated parameters (first wins)',
      `otpauth://totp/x?secret=${S}&digits=8&digits=6`,
      totp({ label: 'x', digits: 8 }),
    ],
    ['empty parameters as absent', `otpauth://totp/x?secret=${S}&issuer=&digits=&period=&&`, totp({ label: 'x' })],
    ['surrounding whitespace', `  otpauth://totp/x?secret=${S}\n`, totp({ label: 'x' })],
    ['a fragment', `otpauth://totp/x?secret=${S}#ignored`, totp({ label: 'x' })],
  ];
  it.each(valid)('%s', (_, uri, account) => {
    expect(parseOtpauthUri(uri)).toEqual(account);
  });
});

describe('parseOtpauthUri rejects, naming the field', () => {
  const invalid: [string, string, string][] = [
    ['', 'scheme', 'uri must start with otpauth://'],
    ['https://example.com/?secret=JBSWY3DPEHPK3PXP', 'scheme', 'uri must start with otpauth://'],
    ['otpauth:/totp/x?secret=JBSWY3DPEHPK3PXP', 'scheme', 'uri must start with otpauth://'],
    [
      'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8',
      'scheme',
      'this is a Google Authenticator export (otpauth-migration://), not a single account',
    ],
    [`otpauth://yandex/x?secret=${S}`, 'type', 'type must be totp, hotp or steam (got "yandex")'],
    [`otpauth:///x?secret=${S}`, 'type', 'type is missing (expected totp, hotp or steam)'],
    ['otpauth://totp/x', 'secret', 'secret is missing'],
    ['otpauth://totp/x?issuer=X', 'secret', 'secret is missing'],
    ['otpauth://totp/x?secret=', 'secret', 'secret is missing'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PX1', 'secret', 'secret is not base32 (it contains "1")'],
    ['otpauth://totp/x?secret=JBSWY3DP%2FEHPK', 'secret', 'secret is not base32 (it contains "/")'],
    ['otpauth://totp/x?secret=A', 'secret', 'secret is too short to hold a key'],
    ['otpauth://totp/x?secret=JBSW%ZZ', 'secret', 'secret has a broken percent-escape'],
    [`otpauth://totp/x%E0%A4%A?secret=${S}`, 'label', 'label has a broken percent-escape'],
    [`otpauth://totp/x?secret=${S}&issuer=%`, 'issuer', 'issuer has a broken percent-escape'],
    [`otpauth://totp/x?secret=${S}&algorithm=MD5`, 'algorithm', 'algorithm must be SHA1, SHA256 or SHA512 (got "MD5")'],
    [`otpauth://totp/x?secret=${S}&digits=5`, 'digits', 'digits must be 6-10 (got "5")'],
    [`otpauth://totp/x?secret=${S}&digits=11`, 'digits', 'digits must be 6-10 (got "11")'],
    [`otpauth://hotp/x?secret=${S}&digits=six`, 'digits', 'digits must be 6-10 (got "six")'],
    [`otpauth://totp/x?secret=${S}&period=0`, 'period', 'period must be a whole number from 1 to 2147483647 (got "0")'],
    [
      `otpauth://totp/x?secret=${S}&period=-30`,
      'period',
      'period must be a whole number from 1 to 2147483647 (got "-30")',
    ],
    [
      `otpauth://totp/x?secret=${S}&period=1.5`,
      'period',
      'period must be a whole number from 1 to 2147483647 (got "1.5")',
    ],
    [
      `otpauth://hotp/x?secret=${S}&counter=-1`,
      'counter',
      'counter must be a whole number from 0 to 9007199254740991 (got "-1")',
    ],
    [
      `otpauth://hotp/x?secret=${S}&counter=1e3`,
      'counter',
      'counter must be a whole number from 0 to 9007199254740991 (got "1e3")',
    ],
    [
      `otpauth://hotp/x?secret=${S}&counter=99999999999999999999`,
      'counter',
      'counter must be a whole number from 0 to 9007199254740991 (got "99999999999999999999")',
    ],
    [`otpauth://totp/${'x'.repeat(5000)}?secret=${S}`, 'uri', 'uri is longer than 4096 characters'],
    ['steam://', 'secret', 'secret is missing'],
    ['steam://not-base32!', 'secret', 'secret is not base32 (it contains "!")'],
  ];
  it.each(invalid)('%j (%s)', (uri, field, message) => {
    const error = (() => {
      try {
        parseOtpauthUri(uri);
      } catch (caught) {
        return caught;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(OtpFieldError);
    expect(error).toMatchObject({ field, message });
  });
});

describe('inspectOtpauthUri warns about what it accepted', () => {
  it.each([
    [
      `otpauth://totp/Work:alice?secret=${S}&issuer=GitHub`,
      'issuer "GitHub" differs from the label prefix "Work"; using "GitHub"',
    ],
    [`otpauth://hotp/x?secret=${S}`, 'counter is missing; starting at 0'],
    ['otpauth://totp/x?secret=MZXW6', 'secret is shorter than 80 bits'],
  ])('%s', (uri, warning) => {
    expect(inspectOtpauthUri(uri).warnings).toEqual([warning]);
  });
  it('says nothing about a clean URI', () => {
    expect(inspectOtpauthUri(`otpauth://totp/A:b?secret=${S}&issuer=A`).warnings).toEqual([]);
  });
});

describe('the fixture URI lists', () => {
  const bySecret = new Map(expectedAegisEntries().map((entry) => [entry.secret, entry]));
  it.each(['aegis-importers/plain.txt', 'aegis-importers/ente_auth.txt'])('%s gives the reference entries', (file) => {
    const lines = readFixture(file)
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(lines.length).toBe(7);
    for (const line of lines) {
      const account = parseOtpauthUri(line);
      const entry = bySecret.get(account.secret)!;
      expect(account).toMatchObject({
        type: entry.type,
        issuer: entry.issuer,
        label: entry.name,
        algorithm: entry.algo,
        digits: entry.digits,
      });
      expect(account.type === 'hotp' ? account.counter : account.period).toBe(entry.counter ?? entry.period);
    }
  });
});

describe('buildOtpauthUri', () => {
  const accounts: Account[] = [
    totp({ issuer: 'Example', label: 'alice@google.com' }),
    totp({ label: 'no issuer' }),
    totp({ issuer: 'Only issuer' }),
    totp(),
    totp({ label: 'colon:in:label' }),
    totp({ issuer: 'A:B', label: 'c:d' }),
    totp({ issuer: 'Air Canada', label: 'a+b@x.com', algorithm: 'SHA512', digits: 8, period: 60 }),
    totp({ issuer: '100% & more?', label: 'ü #1 / é' }),
    hotp({ issuer: 'WWE', label: 'Mason', counter: 10300, algorithm: 'SHA256', digits: 7 }),
    steam({ issuer: 'Steam', label: 'gaben' }),
    steam({ issuer: 'Steam' }),
  ];
  it.each(accounts)('round-trips %o', (account) => {
    expect(parseOtpauthUri(buildOtpauthUri(account))).toEqual(account);
  });
  it('writes the issuer both as prefix and parameter', () => {
    expect(buildOtpauthUri(totp({ issuer: 'Air Canada', label: 'Benjamin' }))).toBe(
      `otpauth://totp/Air%20Canada:Benjamin?secret=${S}&issuer=Air%20Canada&algorithm=SHA1&digits=6&period=30`,
    );
  });
  it('builds Steam accounts as otpauth://steam/', () => {
    expect(buildOtpauthUri(steam({ issuer: 'Steam', label: 'g' }))).toBe(
      `otpauth://steam/Steam:g?secret=${S}&issuer=Steam`,
    );
  });
});
