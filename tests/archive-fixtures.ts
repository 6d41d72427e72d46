/**
 * Export files for the formats ../shared/fixtures lacks, built at test time in each app's real
 * file shape (nothing binary is stored in the repository), from the 8 reference entries of
 * aegis-expected-entries.json:
 * - Raivo: a ZIP with `raivo-otp-export.json` (and the HTML page beside it) under a password, as
 *   Raivo's DataExportFeature.swift writes it with SSZipArchive (AES; a ZipCrypto copy too). Shape:
 *   https://github.com/raivo-otp/ios-application, Raivo/Models/Password.swift (getExportFields).
 * - 1Password: a `.1pux` ZIP with `export.attributes`, `export.data` and `files/`, per
 *   https://support.1password.com/1pux-format/ (items with a `totp` field in a section).
 * - WinAuth: a ZipCrypto ZIP holding one `.txt` of Key URIs, as WinAuthHelper.ExportAuthenticators
 *   writes it (https://github.com/winauth/winauth), here holding the shared plain.txt.
 * - KeePass: KDBX 4 (Argon2id, Argon2d) and 3.1 (AES-KDF) databases written by kdbxweb, with
 *   one-time passwords in every field style KeePassXC (`otp`, `TOTP Seed`/`TOTP Settings`, per
 *   https://github.com/keepassxreboot/keepassxc src/totp/totp.cpp) and KeePass 2.47 (`TimeOtp-*`,
 *   `HmacOtp-*`, per https://keepass.info/help/base/placeholders.html#otp) write. Key derivation
 *   costs are tiny so tests and fuzzing stay fast; the importer accepts real ones.
 */
import { BlobWriter, TextReader, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js/index-native.js';
import { Consts, Int64, Kdbx, KdbxCredentials, ProtectedValue, VarDictionary, type KdbxGroup } from 'kdbxweb';
import { secretBytes } from '../utils/core/otp/otp';
import { toBase64 } from '../utils/core/internal/bytes';
import '../utils/core/import/keepass-database';
import { expectedAegisEntries, readFixture, type ExpectedEntry } from './shared-fixtures';

export const FIXTURE_PASSWORD = 'test';
const ENTRIES = expectedAegisEntries();
const entry = (n: number): ExpectedEntry => ENTRIES[n - 1]!;

interface ZipFile {
  name: string;
  content: string | Uint8Array;
}

export async function zipOf(
  files: ZipFile[],
  options: { password?: string; zipCrypto?: boolean; store?: boolean } = {},
): Promise<Uint8Array> {
  const writer = new ZipWriter(new BlobWriter('application/zip'), {
    ...(options.password ? { password: options.password, zipCrypto: options.zipCrypto ?? false } : {}),
    ...(options.store ? { level: 0 } : {}),
    useWebWorkers: false,
  });
  for (const file of files)
    await writer.add(
      file.name,
      typeof file.content === 'string' ? new TextReader(file.content) : new Uint8ArrayReader(file.content),
    );
  return new Uint8Array(await (await writer.close()).arrayBuffer());
}

/** Raivo's JSON: every value a string; Raivo has TOTP and HOTP only (entries 1-6). */
export function raivoJson(numbers = [1, 2, 3, 4, 5, 6]): string {
  return JSON.stringify(
    numbers.map(entry).map((e) => ({
      issuer: e.issuer,
      account: e.name,
      secret: e.secret,
      algorithm: e.algo,
      digits: String(e.digits),
      kind: e.type.toUpperCase(),
      timer: String(e.period ?? 30),
      counter: String(e.counter ?? 0),
      iconType: '',
      iconValue: '',
    })),
  );
}

export function raivoZip(json = raivoJson(), zipCrypto = false): Promise<Uint8Array> {
  return zipOf(
    [
      { name: 'raivo-otp-export.html', content: '<html><body>Raivo OTP export</body></html>' },
      { name: 'raivo-otp-export.json', content: json },
    ],
    { password: FIXTURE_PASSWORD, zipCrypto },
  );
}

const field = (title: string, value: Record<string, string>) => ({
  title,
  id: title.replace(/\W/g, ''),
  value,
  indexAtSource: 0,
  guarded: false,
  multiline: false,
  dontGenerate: false,
  inputTraits: { keyboard: 'default', correction: 'default', capitalization: 'default' },
});

const login = (title: string, username: string, sections: unknown[], extra: Record<string, unknown> = {}) => ({
  uuid: `${title.toLowerCase().replace(/\W/g, '')}uuid`,
  favIndex: 0,
  createdAt: 1_700_000_000,
  updatedAt: 1_700_000_000,
  state: 'active',
  categoryUuid: '001',
  details: {
    loginFields: [
      { value: username, id: '', name: 'username', fieldType: 'T', designation: 'username' },
      { value: 'hunter2', id: '', name: 'password', fieldType: 'P', designation: 'password' },
    ],
    notesPlain: '',
    sections,
    passwordHistory: [],
  },
  overview: { subtitle: username, title, url: `https://${title.toLowerCase()}.example`, tags: ['2fa'] },
  ...extra,
});

/**
 * 1Password's export.data: entry 1 as a bare secret, 2 and 3 as otpauth:// URIs in sections, 8 as
 * a URI in a login field, and items without one.
 */
export function onePasswordData(): string {
  const uri = (e: ExpectedEntry) =>
    `otpauth://totp/${encodeURIComponent(e.issuer)}:${encodeURIComponent(e.name)}?secret=${e.secret}` +
    `&issuer=${encodeURIComponent(e.issuer)}&algorithm=${e.algo}&digits=${e.digits}&period=${e.period}`;
  const otpSection = (value: string) => ({
    title: '',
    name: 'add more',
    fields: [field('one-time password', { totp: value })],
  });
  const items = [
    login(entry(1).issuer, entry(1).name, [otpSection(entry(1).secret)]),
    login(entry(2).issuer, entry(2).name, [otpSection(uri(entry(2)))]),
    login(entry(3).issuer, entry(3).name, [
      { title: 'Security', name: 'security', fields: [field('pin', { concealed: '1234' })] },
      otpSection(uri(entry(3))),
    ]),
    login('No 2FA', 'someone', []),
    // A login whose otpauth:// link came in as a login field (entry 8).
    {
      ...login(entry(8).issuer, entry(8).name, []),
      details: {
        loginFields: [
          { value: entry(8).name, id: '', name: 'username', fieldType: 'T', designation: 'username' },
          { value: uri(entry(8)), id: '', name: 'one-time password', fieldType: 'T' },
        ],
        sections: [],
      },
    },
    login('Old site', 'gone', [otpSection(entry(8).secret)], { trashed: true }),
    {
      uuid: 'carduuid',
      categoryUuid: '002',
      state: 'active',
      details: {
        sections: [{ title: '', name: '', fields: [field('number', { creditCardNumber: '4111111111111111' })] }],
      },
      overview: { title: 'Visa', subtitle: '', url: '' },
    },
  ];
  return JSON.stringify({
    accounts: [
      {
        attrs: {
          accountName: 'Tessera',
          name: 'Tessera',
          avatar: '',
          email: 'alice@example.com',
          uuid: 'ACCOUNTUUID',
          domain: 'https://my.1password.com/',
        },
        vaults: [{ attrs: { uuid: 'vaultuuid', desc: '', avatar: '', name: 'Personal', type: 'P' }, items }],
      },
    ],
  });
}

export function onePasswordZip(data = onePasswordData()): Promise<Uint8Array> {
  return zipOf([
    {
      name: 'export.attributes',
      content: JSON.stringify({ version: 3, description: '1Password Unencrypted Export', createdAt: 1_700_000_000 }),
    },
    { name: 'export.data', content: data },
    { name: 'files/', content: '' },
  ]);
}

/** WinAuth's zip export: one text file named after the archive, under a password (ZipCrypto). */
export function winAuthZip(): Promise<Uint8Array> {
  return zipOf([{ name: 'winauth-2024-05-01.txt', content: readFixture('aegis-importers/plain.txt') }], {
    password: FIXTURE_PASSWORD,
    zipCrypto: true,
  });
}

export type KdbxKind = 'kdbx4-argon2id' | 'kdbx4-argon2d' | 'kdbx3-aes';

/** The RFC 6238 seed as KeePass's plain-text TimeOtp-Secret; its SHA1 8-digit code at 59 s is 94287082. */
export const RFC_SECRET_TEXT = '12345678901234567890';
/** The RFC 6238 SHA256 seed ("1234567890" repeated to 32 bytes) in base32; its 8-digit code at 59 s is 46119246. */
export const RFC_SHA256_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA';

const hex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');

const keepassXcUri = (e: ExpectedEntry) =>
  e.type === 'hotp'
    ? `otpauth://hotp/${encodeURIComponent(e.issuer)}:${encodeURIComponent(e.name)}?secret=${e.secret}&counter=${e.counter}&digits=${e.digits}&issuer=${encodeURIComponent(e.issuer)}&algorithm=${e.algo}`
    : `otpauth://totp/${encodeURIComponent(e.issuer)}:${encodeURIComponent(e.name)}?secret=${e.secret}&period=${e.period}&digits=${e.digits}&issuer=${encodeURIComponent(e.issuer)}${e.algo === 'SHA1' ? '' : `&algorithm=${e.algo}`}${e.type === 'steam' ? '&encoder=steam' : ''}`;

/** Which fields each reference entry uses: every style KeePass and KeePassXC write. */
function otpFields(n: number): Record<string, string> {
  const e = entry(n);
  switch (n) {
    case 1:
      return { 'TimeOtp-Secret-Base64': toBase64(secretBytes(e.secret)) };
    case 2:
      return {
        'TimeOtp-Secret-Base32': e.secret,
        'TimeOtp-Length': '7',
        'TimeOtp-Period': '20',
        'TimeOtp-Algorithm': 'HMAC-SHA-256',
      };
    case 3:
      return {
        'TimeOtp-Secret-Hex': hex(secretBytes(e.secret)),
        'TimeOtp-Length': '8',
        'TimeOtp-Period': '50',
        'TimeOtp-Algorithm': 'HMAC-SHA-512',
      };
    case 4:
      return { 'HmacOtp-Secret-Base32': e.secret, 'HmacOtp-Counter': String(e.counter) };
    case 8:
      return { 'TOTP Seed': e.secret, 'TOTP Settings': '30;8' };
    default:
      return { otp: keepassXcUri(e) };
  }
}

function addEntry(db: Kdbx, group: KdbxGroup, title: string, username: string, fields: Record<string, string>) {
  const item = db.createEntry(group);
  item.fields.set('Title', title);
  item.fields.set('UserName', username);
  item.fields.set('Password', ProtectedValue.fromString('hunter2'));
  // KeePassXC protects the otp field; KeePass stores its TimeOtp fields as protected strings too.
  for (const [name, value] of Object.entries(fields)) item.fields.set(name, ProtectedValue.fromString(value));
}

/**
 * A KeePass database holding the 8 reference entries (1-3 at the root, 4-8 in group "Work"), two
 * RFC 6238 entries (a text TimeOtp-Secret, KeeOtp settings), one entry without a one-time
 * password, and one in the recycle bin.
 */
export async function kdbxDatabase(
  kind: KdbxKind,
  password = FIXTURE_PASSWORD,
  cost: { memoryKiB: number; iterations: number; parallelism: number } = {
    memoryKiB: 64,
    iterations: 2,
    parallelism: 1,
  },
): Promise<Uint8Array> {
  const db = Kdbx.create(new KdbxCredentials(ProtectedValue.fromString(password)), 'Tessera fixtures');
  if (kind === 'kdbx3-aes') {
    db.setVersion(3);
    db.header.keyEncryptionRounds = 1000;
  } else {
    db.setKdf(kind === 'kdbx4-argon2id' ? Consts.KdfId.Argon2id : Consts.KdfId.Argon2d);
    const params = db.header.kdfParameters!;
    params.set('M', VarDictionary.ValueType.UInt64, Int64.from(cost.memoryKiB * 1024));
    params.set('I', VarDictionary.ValueType.UInt64, Int64.from(cost.iterations));
    params.set('P', VarDictionary.ValueType.UInt32, cost.parallelism);
  }
  const root = db.getDefaultGroup();
  const work = db.createGroup(root, 'Work');
  for (const n of [1, 2, 3]) addEntry(db, root, entry(n).issuer, entry(n).name, otpFields(n));
  for (const n of [4, 5, 6, 7, 8]) addEntry(db, work, entry(n).issuer, entry(n).name, otpFields(n));
  addEntry(db, root, 'RFC 6238', 'test vector', { 'TimeOtp-Secret': RFC_SECRET_TEXT, 'TimeOtp-Length': '8' });
  // The KeeOtp plugin's settings in the otp field: the RFC 6238 SHA256 seed (32 bytes), 8 digits.
  addEntry(db, root, 'KeeOtp', 'sha256 vector', { otp: `key=${RFC_SHA256_BASE32}&step=30&size=8&otpHashMode=Sha256` });
  addEntry(db, root, 'Forum', 'bob', {});
  db.createRecycleBin();
  const binned = db.getGroup(db.meta.recycleBinUuid!)!;
  addEntry(db, binned, 'Deleted', 'carol', { otp: keepassXcUri(entry(1)) });
  return new Uint8Array(await db.save());
}
