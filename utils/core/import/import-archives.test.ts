/**
 * Archives, app databases and password-manager files: the shared fixtures (Aegis's test files)
 * and the files tests/archive-fixtures.ts builds in each app's real shape. Each gives the entries
 * its app holds, as Aegis's importer tests expect them; encrypted ones ask for their password and
 * refuse a wrong one; damaged copies give typed errors; other apps' files are named.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_PASSWORD,
  kdbxDatabase,
  onePasswordData,
  onePasswordZip,
  raivoJson,
  raivoZip,
  RFC_SECRET_TEXT,
  winAuthZip,
  zipOf,
  type KdbxKind,
} from '../../../tests/archive-fixtures';
import { expectedAegisEntries, fixturePath, type ExpectedEntry } from '../../../tests/shared-fixtures';
import type { Account } from '../otp/account';
import { generateCode } from '../otp/otp';
import { importFile } from './import-file';

const shared = (file: string) => new Uint8Array(readFileSync(fixturePath(`aegis-importers/${file}`)));
const EXPECTED = expectedAegisEntries();

/**
 * How a file differs from the reference entries, as Aegis's importer tests allow:
 * `sha1-6-30`: the app stores no algorithm, digits or period (Google Authenticator's database);
 * `defaults`: every entry is a default TOTP (Microsoft Authenticator's database).
 */
type Adjustment = 'sha1-6-30' | 'defaults';

function expectedAccount(entry: ExpectedEntry, adjust?: Adjustment): Partial<Account> {
  const base = { type: entry.type, issuer: entry.issuer, label: entry.name, secret: entry.secret };
  if (adjust === 'defaults') return { ...base, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 };
  if (adjust === 'sha1-6-30')
    return entry.type === 'hotp'
      ? { ...base, algorithm: 'SHA1', digits: 6, counter: entry.counter }
      : { ...base, algorithm: 'SHA1', digits: 6, period: 30 };
  const params = { algorithm: entry.algo, digits: entry.digits };
  return entry.type === 'hotp'
    ? { ...base, ...params, counter: entry.counter }
    : { ...base, ...params, period: entry.period };
}

type Case = [
  file: string,
  load: () => Promise<Uint8Array>,
  password: string | undefined,
  entries: number[],
  format: string,
  adjust?: Adjustment,
];

const KDBX_KINDS: KdbxKind[] = ['kdbx4-argon2id', 'kdbx4-argon2d', 'kdbx3-aes'];

const CASES: Case[] = [
  [
    'authenticator_plus.zip',
    async () => shared('authenticator_plus.zip'),
    'testtesttest',
    [1, 2, 3, 4, 5, 6, 7],
    'Authenticator Plus',
  ],
  [
    'google_authenticator.sqlite',
    async () => shared('google_authenticator.sqlite'),
    undefined,
    [1, 2, 3, 4, 5, 6],
    'Google Authenticator',
    'sha1-6-30',
  ],
  [
    'microsoft_authenticator.sqlite',
    async () => shared('microsoft_authenticator.sqlite'),
    undefined,
    [1, 2, 3, 4, 5, 6, 7],
    'Microsoft Authenticator',
    'defaults',
  ],
  ['stratum_internal.db', async () => shared('stratum_internal.db'), undefined, [1, 2, 3, 4, 5, 6, 7], 'Stratum'],
  ['raivo-otp-export.zip (AES)', () => raivoZip(), FIXTURE_PASSWORD, [1, 2, 3, 4, 5, 6], 'Raivo'],
  [
    'raivo-otp-export.zip (ZipCrypto)',
    () => raivoZip(raivoJson(), true),
    FIXTURE_PASSWORD,
    [1, 2, 3, 4, 5, 6],
    'Raivo',
  ],
  ['winauth.zip (ZipCrypto)', winAuthZip, FIXTURE_PASSWORD, [1, 2, 3, 4, 5, 6, 7], 'WinAuth'],
  ['export.1pux', () => onePasswordZip(), undefined, [1, 2, 3, 8], '1Password'],
  ...KDBX_KINDS.map((kind): Case => [
    `${kind}.kdbx`,
    () => kdbxDatabase(kind),
    FIXTURE_PASSWORD,
    [1, 2, 3, 4, 5, 6, 7, 8],
    'KeePass',
  ]),
];

describe('importing archives, app databases and password managers', () => {
  it.each(CASES)('%s gives its entries', async (_, load, password, numbers, format, adjust) => {
    const parsed = await importFile(await load(), password);
    expect(parsed.format).toBe(format);
    expect(parsed.skipped).toEqual([]);
    const expected = numbers.map((n) => EXPECTED[n - 1]!);
    const secrets = parsed.accounts.map(({ account }) => account.secret).filter((secret) => secret.length > 0);
    expect(secrets.filter((secret) => expected.some((entry) => entry.secret === secret)).sort()).toEqual(
      expected.map((entry) => entry.secret).sort(),
    );
    for (const entry of expected) {
      const { account } = parsed.accounts.find((item) => item.account.secret === entry.secret)!;
      expect(account, entry.issuer).toMatchObject(expectedAccount(entry, adjust));
      if (!adjust && entry.type !== 'hotp')
        expect(generateCode(account, 1_234_567_890_000)).toBe(entry.codes_at_unix_time!['1234567890']);
      if (!adjust && entry.type === 'hotp') expect(generateCode(account, 0)).toBe(entry.code_at_counter);
    }
  });

  it.each(CASES.filter(([, , password]) => password))(
    '%s: no password asks for one, a wrong one fails cleanly',
    async (_, load) => {
      const bytes = await load();
      await expect(importFile(bytes)).rejects.toMatchObject({ name: 'ImportError', code: 'password-required' });
      await expect(importFile(bytes, 'not the password')).rejects.toMatchObject({
        name: 'ImportError',
        code: 'wrong-password',
      });
    },
  );

  it.each(CASES)('%s: cut short or with bytes flipped, gives a typed error', async (_, load, password) => {
    const bytes = await load();
    for (const damaged of [
      bytes.subarray(0, Math.floor(bytes.length / 2)),
      bytes.subarray(0, 40),
      Uint8Array.from(bytes, (byte, i) => (i > 64 && i % 97 === 0 ? byte ^ 0x5a : byte)),
    ]) {
      await expect(importFile(damaged, password)).rejects.toMatchObject({
        name: 'ImportError',
        code: expect.stringMatching(/^(malformed|wrong-password|not-recognised)$/),
      });
    }
  });

  describe('KeePass', () => {
    it('reads a text TimeOtp-Secret and KeeOtp settings, tags by group, and leaves out the recycle bin and entries without a code', async () => {
      const parsed = await importFile(await kdbxDatabase('kdbx4-argon2id'), FIXTURE_PASSWORD);
      expect(parsed.accounts).toHaveLength(10);
      const rfc = parsed.accounts.find(({ account }) => account.issuer === 'RFC 6238')!;
      expect(rfc.account).toMatchObject({ type: 'totp', algorithm: 'SHA1', digits: 8, period: 30 });
      // RFC 6238 Appendix B, SHA1, T = 59 s.
      expect(generateCode(rfc.account, 59_000)).toBe('94287082');
      expect(RFC_SECRET_TEXT).toHaveLength(20);
      const keeOtp = parsed.accounts.find(({ account }) => account.issuer === 'KeeOtp')!;
      expect(keeOtp.account).toMatchObject({ type: 'totp', algorithm: 'SHA256', digits: 8, period: 30 });
      expect(generateCode(keeOtp.account, 59_000)).toBe('46119246');
      expect(parsed.accounts.find(({ account }) => account.issuer === 'WWE')!.tags).toEqual(['Work']);
      expect(parsed.accounts.find(({ account }) => account.issuer === 'Deno')!.tags).toEqual([]);
      expect(parsed.accounts.some(({ account }) => account.label === 'carol')).toBe(false);
    });

    it("opens a database with KeePassXC's default Argon2 cost (64 MiB, 2 threads)", async () => {
      const bytes = await kdbxDatabase('kdbx4-argon2d', FIXTURE_PASSWORD, {
        memoryKiB: 64 * 1024,
        iterations: 2,
        parallelism: 2,
      });
      expect((await importFile(bytes, FIXTURE_PASSWORD)).accounts).toHaveLength(10);
    });

    it('names a KeePass 1 database instead of asking for a password', async () => {
      const kdb = Uint8Array.from([0x03, 0xd9, 0xa2, 0x9a, 0x65, 0xfb, 0x4b, 0xb5, ...new Array(200).fill(7)]);
      await expect(importFile(kdb)).rejects.toMatchObject({
        code: 'not-recognised',
        message: expect.stringContaining('KeePass 1'),
      });
    });

    it('refuses a key derivation far costlier than any real one without running it', async () => {
      const bytes = await kdbxDatabase('kdbx3-aes');
      // KDBX 3.1 header field 6 (TransformRounds) holds 8 bytes after its id and size.
      const at = findField(bytes, 6);
      const costly = bytes.slice();
      costly.set([0, 0, 0, 0, 0, 0, 0, 0x40], at);
      await expect(importFile(costly, FIXTURE_PASSWORD)).rejects.toMatchObject({
        code: 'malformed',
        message: expect.stringContaining('AES-KDF rounds is 4,611,686,018,427,388,000, above the limit of 100,000,000'),
      });
    });
  });

  describe('ZIP archives', () => {
    it('names an archive that holds no export it knows, with its files', async () => {
      const zip = await zipOf([
        { name: 'photos/cat.jpg', content: new Uint8Array([0xff, 0xd8, 0xff]) },
        { name: 'notes.txt', content: 'hi' },
      ]);
      await expect(importFile(zip)).rejects.toMatchObject({
        code: 'not-recognised',
        message: expect.stringContaining('photos/cat.jpg, notes.txt'),
      });
    });

    it("refuses a Raivo export whose JSON is Raivo's error message", async () => {
      const zip = await raivoZip('{"message": "Could not retrieve OTPs from Realm"}');
      await expect(importFile(zip, FIXTURE_PASSWORD)).rejects.toMatchObject({
        code: 'malformed',
        message: expect.stringContaining('raivo-otp-export.json'),
      });
    });

    it('skips a Raivo entry of a kind Tessera cannot represent, naming it', async () => {
      const entries = JSON.parse(raivoJson()) as Record<string, string>[];
      entries[0]!.kind = 'MOTP';
      const parsed = await importFile(await raivoZip(JSON.stringify(entries)), FIXTURE_PASSWORD);
      expect(parsed.accounts).toHaveLength(5);
      expect(parsed.skipped).toEqual([{ name: 'Entry 1: Deno: Mason', reason: expect.stringContaining('MOTP') }]);
    });

    it('says a 1PUX export without one-time passwords holds none', async () => {
      const data = JSON.parse(onePasswordData()) as { accounts: { vaults: { items: unknown[] }[] }[] };
      data.accounts[0]!.vaults[0]!.items = [];
      await expect(importFile(await onePasswordZip(JSON.stringify(data)))).rejects.toMatchObject({ code: 'empty' });
    });

    it('keeps 1Password vault names and tags as tags, and leaves out trashed items', async () => {
      const parsed = await importFile(await onePasswordZip());
      expect(parsed.accounts).toHaveLength(4);
      expect(parsed.accounts[0]!.tags).toEqual(['Personal', '2fa']);
    });

    it('refuses an entry that unpacks to more than an import may hold', async () => {
      const zip = await zipOf([{ name: 'export.data', content: ' '.repeat(11 * 1024 * 1024) }]);
      await expect(importFile(zip)).rejects.toMatchObject({ name: 'ImportError', code: 'malformed' });
    });
  });

  describe('files of other apps', () => {
    it.each([
      ['an unknown SQLite database', sqliteWithTable(), /tables: notes/],
      [
        'an encrypted (SQLCipher) database',
        randomPages(4096 * 3),
        /SQLCipher.*Authenticator Plus.*Export as Text and HTML/,
      ],
    ] as const)('names %s instead of asking for a password', async (_, bytes, message) => {
      const content = await bytes;
      await expect(importFile(content)).rejects.toMatchObject({
        code: 'not-recognised',
        message: expect.stringMatching(message),
      });
      await expect(importFile(content, 'test')).rejects.toMatchObject({ code: 'not-recognised' });
    });

    it('names a FreeOTP 2 backup (a Java-serialised map) instead of asking for an andOTP password', async () => {
      // Whether it is then read (with its password) or only named, the message says FreeOTP.
      await expect(importFile(shared('freeotp_v2_api34.xml'))).rejects.toMatchObject({
        name: 'ImportError',
        message: expect.stringContaining('FreeOTP'),
      });
    });

    it('still takes random bytes of another size for an andOTP backup', async () => {
      await expect(importFile(randomPages(4096 * 3 + 17), 'test')).rejects.toMatchObject({ code: 'wrong-password' });
    });
  });
});

/**
 * The offset of a KDBX 3.1 header field's value: after the 12-byte signature and version, the
 * fields are id(1) size(2) value.
 */
function findField(bytes: Uint8Array, id: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at < bytes.length;) {
    const size = view.getUint16(at + 1, true);
    if (bytes[at] === id) return at + 3;
    at += 3 + size;
  }
  throw new Error(`no header field ${id}`);
}

function randomPages(length: number): Uint8Array {
  let state = 0x2545f491;
  return Uint8Array.from({ length }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state & 0xff;
  });
}

async function sqliteWithTable(): Promise<Uint8Array> {
  const { default: initSqlJs } = await import('sql.js');
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
  const bytes = db.export();
  db.close();
  return bytes;
}
