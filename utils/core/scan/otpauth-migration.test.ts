import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../tests/shared-fixtures';
import { toBase64 } from '../internal/bytes';
import { ImportError } from '../import/import-error';
import { isMigrationUri, parseMigrationUri } from './otpauth-migration';

const lines = (file: string) =>
  readFixture(`google-migration/${file}`)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

interface Expected {
  name: string;
  secret: string;
  issuer: string;
  type: 'totp' | 'hotp';
  counter: number | null;
}

/** Builds a payload the way Google Authenticator does (field numbers from Aegis's google_auth.proto). */
function payload(
  otps: {
    secret?: number[];
    name?: string;
    issuer?: string;
    algorithm?: number;
    digits?: number;
    type?: number;
    counter?: number;
  }[],
  batch = { size: 1, index: 0, id: -7 },
) {
  const writer = new BinaryWriter();
  for (const otp of otps) {
    writer.uint32((1 << 3) | 2).fork();
    writer.uint32((1 << 3) | 2).bytes(new Uint8Array(otp.secret ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    writer.uint32((2 << 3) | 2).string(otp.name ?? 'alice@example.com');
    writer.uint32((3 << 3) | 2).string(otp.issuer ?? 'Example');
    writer.uint32(4 << 3).int32(otp.algorithm ?? 1);
    writer.uint32(5 << 3).int32(otp.digits ?? 1);
    writer.uint32(6 << 3).int32(otp.type ?? 2);
    if (otp.counter !== undefined) writer.uint32(7 << 3).int64(otp.counter);
    writer.join();
  }
  writer.uint32(2 << 3).int32(1);
  writer.uint32(3 << 3).int32(batch.size);
  writer.uint32(4 << 3).int32(batch.index);
  writer.uint32(5 << 3).int32(batch.id);
  return writer.finish();
}

const uri = (bytes: Uint8Array) => `otpauth-migration://offline?data=${encodeURIComponent(toBase64(bytes))}`;

function rejection(text: string): { code: string; message: string } {
  try {
    parseMigrationUri(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return { code: (error as ImportError).code, message: (error as ImportError).message };
  }
  throw new Error('no error');
}

describe('Google Authenticator exports (otpauth-migration://)', () => {
  it('decodes the real exports to the expected accounts', () => {
    const expected = JSON.parse(readFixture('google-migration/example_output.json')) as Expected[];
    const accounts = lines('example_export.txt').flatMap((line) => parseMigrationUri(line).accounts);
    expect(accounts).toHaveLength(expected.length);
    accounts.forEach((account, i) => {
      const want = expected[i]!;
      // With no issuer, a name "Issuer: label" carries it.
      const [issuer, label] =
        !want.issuer && want.name.includes(':') ? want.name.split(/:\s*/, 2) : [want.issuer, want.name];
      expect(account).toMatchObject({
        secret: want.secret,
        type: want.type,
        issuer,
        label,
        algorithm: 'SHA1',
        digits: 6,
      });
      if (want.type === 'hotp') expect(account).toMatchObject({ counter: want.counter });
      else expect(account).toMatchObject({ period: 30 });
    });
  });

  it('reads a negative batch id stored as a 10-byte varint', () => {
    const [first] = lines('example_export.txt');
    expect(parseMigrationUri(first!).batch).toEqual({ id: expect.any(Number), index: 0, size: 1 });
    expect(parseMigrationUri(first!).batch.id).toBeLessThan(0);
  });

  it('keeps a raw + in data as base64, and drops the issuer prefix repeated in the name', () => {
    const [line] = lines('test_plus_problem_export.txt');
    const { accounts } = parseMigrationUri(line!);
    expect(accounts.map(({ issuer, label, type }) => [issuer, label, type])).toEqual(
      [1, 2, 3, 4].map((n) => ['SerenityLabs', `test${n}@serenitylabs.co.uk`, 'totp']),
    );
  });

  it.each([
    ['test_export_wrong_content.txt', 'not-recognised'],
    ['test_export_wrong_prefix.txt', 'not-recognised'],
    ['test_export_wrong_data.txt', 'malformed'],
  ])('%s is refused as %s', (file, code) => {
    const text = readFixture(`google-migration/${file}`).trim();
    expect(rejection(text).code).toBe(code);
  });

  it.each([
    [
      'SHA256, 8 digits, TOTP',
      { algorithm: 2, digits: 2 },
      { algorithm: 'SHA256', digits: 8, type: 'totp', period: 30 },
    ],
    ['SHA512', { algorithm: 3 }, { algorithm: 'SHA512' }],
    [
      'unspecified everything = SHA1, 6, TOTP',
      { algorithm: 0, digits: 0, type: 0 },
      { algorithm: 'SHA1', digits: 6, type: 'totp' },
    ],
    ['HOTP with a large counter', { type: 1, counter: 2 ** 40 }, { type: 'hotp', counter: 2 ** 40 }],
    ['UTF-8 names', { name: 'Zoë 日本', issuer: 'Ünï' }, { label: 'Zoë 日本', issuer: 'Ünï' }],
    ['no issuer, "Issuer:label" name', { issuer: '', name: 'GitHub:octocat' }, { issuer: 'GitHub', label: 'octocat' }],
    ['a 10-byte key', { secret: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }, { secret: 'AAAQEAYEAUDAOCAJ' }],
  ])('%s', (_, otp, expected) => {
    expect(parseMigrationUri(uri(payload([otp]))).accounts).toEqual([expect.objectContaining(expected)]);
  });

  it('says where a part sits in its batch', () => {
    expect(parseMigrationUri(uri(payload([{}], { size: 3, index: 1, id: 42 }))).batch).toEqual({
      id: 42,
      index: 1,
      size: 3,
    });
  });

  it('lists accounts it cannot use (MD5, unknown digits, no secret) and keeps the rest', () => {
    const part = parseMigrationUri(
      uri(
        payload([
          { algorithm: 4, name: 'md5' },
          { name: 'good' },
          { digits: 9, name: 'odd' },
          { secret: [], name: 'empty' },
        ]),
      ),
    );
    expect(part.accounts.map((account) => account.label)).toEqual(['good']);
    expect(part.skipped).toEqual([
      { name: 'Example (md5)', reason: 'algorithm MD5 is not supported' },
      { name: 'Example (odd)', reason: 'digits 9 is unknown' },
      { name: 'Example (empty)', reason: 'secret is missing' },
    ]);
  });

  it('refuses exports with nothing usable, damaged or truncated data, or impossible batch numbers', () => {
    const good = payload([{}]);
    expect(rejection(uri(payload([{ algorithm: 4 }])))).toEqual({
      code: 'empty',
      message: 'The Google Authenticator export holds no account Tessera can use: algorithm MD5 is not supported.',
    });
    expect(rejection(uri(new Uint8Array([0x10, 0x01])))).toMatchObject({ code: 'empty' });
    expect(rejection(uri(good.subarray(0, good.length - 12))).code).toBe('malformed');
    expect(rejection(uri(payload([{}], { size: 2, index: 2, id: 1 }))).code).toBe('malformed');
    expect(rejection('otpauth-migration://offline?data=%%%').code).toBe('malformed');
    expect(rejection('otpauth-migration://offline?other=1').code).toBe('malformed');
    expect(rejection('otpauth://totp/x?secret=JBSWY3DP').code).toBe('not-recognised');
  });

  it('accepts URL-safe base64 without padding', () => {
    const bytes = payload([{ name: 'a?b>c' }]);
    const urlSafe = toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(parseMigrationUri(`otpauth-migration://offline?data=${urlSafe}`).accounts).toHaveLength(1);
  });

  it('tells migration URIs from everything else', () => {
    expect(
      [
        'otpauth-migration://offline?data=x',
        '  OTPAUTH-MIGRATION://offline',
        'otpauth://totp/x',
        'https://example.com',
      ].map(isMigrationUri),
    ).toEqual([true, true, false, false]);
  });
});
