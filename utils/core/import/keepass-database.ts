/**
 * KeePass databases (KDBX 3.1 and 4), opened with the database password by kdbxweb, with Argon2d
 * and Argon2id from hash-wasm (kdbxweb has none of its own). The only module that loads kdbxweb:
 * keepass.ts imports it on first use, so a starting worker does not evaluate kdbxweb and its XML
 * parser (issue 19; the bundler inlines the import as a function run then). One-time passwords
 * are read from KeePassXC's `otp` field (an otpauth:// URI, or the KeeOtp plugin's
 * `key=…&step=…` settings; its older `TOTP Seed`/`TOTP Settings` pair too) and from KeePass
 * 2.47's `TimeOtp-*` and `HmacOtp-*` fields; the entry's group becomes a tag, and the recycle bin
 * is left out. A database that also needs a key file cannot be opened here.
 * @see https://keepass.info/help/kb/kdbx_4.html (KDBX 4) and https://keepass.info/help/base/placeholders.html#otp
 * @see https://github.com/keepassxreboot/keepassxc, src/totp/totp.cpp (the otp and legacy fields)
 */
import { argon2d, argon2id } from 'hash-wasm';
import {
  BinaryStream,
  Consts,
  CryptoEngine,
  Int64,
  Kdbx,
  KdbxContext,
  KdbxCredentials,
  KdbxError,
  KdbxHeader,
  ProtectedValue,
  type KdbxEntry,
} from 'kdbxweb';
import { fromBase64, utf8 } from '../internal/bytes';
import { OtpFieldError } from '../otp/otp-field-error';
import { secretFromBytes } from '../otp/otp';
import { parseOtpauthUri } from '../otp/otpauth-uri';
import { ImportError } from './import-error';
import { hexBytes } from './import-crypto';
import { tooCostly } from './kdf-limit';
import { collectAccounts, entryAccount, entryName, type ImportedAccount } from './imported';
import type { ParsedImport } from './imported';
import { requirePassword } from './import-source';
import { FORMAT, KDB_SIGNATURE, startsWith } from './keepass-signature';

/**
 * Key derivation costs beyond any real database's. KeePassXC's default is Argon2 with 64 MiB
 * (m_memory 1 << 16 KiB), one lane per CPU thread and as many passes as take 1 second here (a few
 * dozen), or AES-KDF with as many rounds as take 1 second (a few million). There is no fixed
 * default to take 4x of: the user may raise the time, so the limits are generous; beyond them,
 * refused before deriving (kdf-limit.ts), naming the setting.
 * @see https://github.com/keepassxreboot/keepassxc, src/crypto/kdf/Argon2Kdf.cpp and AesKdf.cpp
 */
export const KEEPASS_LIMITS = {
  argon2KiB: 1024 * 1024,
  argon2Iterations: 100,
  /** Memory times passes, in KiB: 4 GiB-passes. */
  argon2WorkKiB: 4 * 1024 * 1024,
  argon2Parallelism: 64,
  aesRounds: 100_000_000,
} as const;

CryptoEngine.setArgon2Impl(async (password, salt, memory, iterations, length, parallelism, type, version) => {
  // hash-wasm computes Argon2 version 1.3, which is what KeePass writes.
  if (version !== 0x13)
    throw new ImportError(
      'not-recognised',
      `This ${FORMAT} database uses Argon2 version 1.0, which Tessera cannot compute.`,
    );
  const params = {
    password: new Uint8Array(password),
    salt: new Uint8Array(salt),
    iterations,
    parallelism,
    memorySize: memory,
    hashLength: length,
    outputType: 'binary' as const,
  };
  const key = type === CryptoEngine.Argon2TypeArgon2id ? await argon2id(params) : await argon2d(params);
  return key.slice().buffer;
});

const costly = (name: string, value: number, max: number) => {
  const refusal = tooCostly(FORMAT, name, value, max);
  return new ImportError('malformed', refusal.message.replace(`${FORMAT} export`, `${FORMAT} database`));
};

/** Reads the outer header with kdbxweb and refuses a key derivation too costly to run. */
function checkCost(data: ArrayBuffer): void {
  let header: KdbxHeader;
  try {
    header = KdbxHeader.read(new BinaryStream(data), new KdbxContext({ kdbx: undefined as unknown as Kdbx }));
  } catch (error) {
    throw fromKdbxError(error);
  }
  const rounds = header.keyEncryptionRounds ?? 0;
  if (rounds > KEEPASS_LIMITS.aesRounds) throw costly('AES-KDF rounds', rounds, KEEPASS_LIMITS.aesRounds);
  const params = header.kdfParameters;
  if (!params) return;
  const value = (key: string) => {
    const raw = params.get(key);
    // 64-bit values come as Int64 {hi, lo}.
    return typeof raw === 'number' ? raw : raw instanceof Int64 ? raw.hi * 2 ** 32 + raw.lo : 0;
  };
  const limits: [name: string, value: number, max: number][] = [
    ['AES-KDF rounds', value('R'), KEEPASS_LIMITS.aesRounds],
    ['Argon2 memory (KiB)', value('M') / 1024, KEEPASS_LIMITS.argon2KiB],
    ['Argon2 iterations', value('I'), KEEPASS_LIMITS.argon2Iterations],
    ['Argon2 parallelism', value('P'), KEEPASS_LIMITS.argon2Parallelism],
    ['Argon2 work (memory in KiB x iterations)', (value('M') / 1024) * value('I'), KEEPASS_LIMITS.argon2WorkKiB],
  ];
  for (const [name, actual, max] of limits) if (actual > max) throw costly(name, actual, max);
}

/** kdbxweb's errors, and the RangeErrors of its reader on a file cut short, as ImportErrors. */
function fromKdbxError(error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  if (!(error instanceof KdbxError))
    return new ImportError(
      'malformed',
      `This ${FORMAT} database is damaged or cut short (${(error as Error).message}).`,
    );
  switch (error.code) {
    case Consts.ErrorCodes.InvalidKey:
      return new ImportError(
        'wrong-password',
        `Wrong password for this ${FORMAT} database (or it is damaged, ` +
          'or it also needs a key file, which Tessera cannot use).',
      );
    case Consts.ErrorCodes.InvalidVersion:
    case Consts.ErrorCodes.Unsupported:
      return new ImportError(
        'not-recognised',
        `This ${FORMAT} database uses a version or feature Tessera cannot read (${error.message}). ` +
          'Open it in KeePassXC or KeePass and save it as KDBX 4.',
      );
    default:
      return new ImportError('malformed', `This ${FORMAT} database is damaged (${error.message}).`);
  }
}

function fieldText(entry: KdbxEntry, name: string): string {
  const value = entry.fields.get(name);
  return (value instanceof ProtectedValue ? value.getText() : (value ?? '')).trim();
}

/** KeePass 2.47's secret, in whichever of its four encodings the entry has. */
function keePassSecret(entry: KdbxEntry, prefix: 'TimeOtp' | 'HmacOtp'): string | undefined {
  const plain = fieldText(entry, `${prefix}-Secret`);
  if (plain) return secretFromBytes(utf8(plain));
  const hex = fieldText(entry, `${prefix}-Secret-Hex`).replace(/\s+/g, '');
  if (hex) return secretFromBytes(hexBytes(hex, FORMAT));
  const base32 = fieldText(entry, `${prefix}-Secret-Base32`);
  if (base32) return base32;
  const base64 = fieldText(entry, `${prefix}-Secret-Base64`).replace(/\s+/g, '');
  if (base64) return secretFromBytes(fromBase64(base64, () => new OtpFieldError('secret', 'secret is not base64')));
  return undefined;
}

/** KeePass names its algorithms HMAC-SHA-1, HMAC-SHA-256 and HMAC-SHA-512. */
const keePassAlgorithm = (name: string) => name.replace(/^HMAC-/i, '') || undefined;

/**
 * The KeeOtp plugin's `otp` field, which KeePassXC reads too: `key=BASE32&step=30&size=6`, with
 * `type=hotp&counter=N` for HOTP and `otpHashMode=Sha256` for another hash.
 * @see https://github.com/keepassxreboot/keepassxc, src/totp/totp.cpp (parseSettings)
 */
function keeOtpAccount(settings: string, issuer: string, label: string) {
  const params = new URLSearchParams(settings);
  return entryAccount({
    type: params.get('type') ?? 'totp',
    issuer,
    label,
    secret: params.get('key') ?? '',
    algorithm: params.get('otpHashMode') ?? undefined,
    digits: params.get('size') ?? undefined,
    period: params.get('step') ?? undefined,
    counter: params.get('counter') ?? undefined,
  });
}

function convert(entry: KdbxEntry, tags: string[]): ImportedAccount {
  const issuer = fieldText(entry, 'Title');
  const label = fieldText(entry, 'UserName');
  const uri = fieldText(entry, 'otp');
  if (uri && !/^otpauth:/i.test(uri)) return { account: keeOtpAccount(uri, issuer, label), tags };
  if (uri) {
    const account = parseOtpauthUri(uri);
    return { account: { ...account, issuer: account.issuer || issuer, label: account.label || label }, tags };
  }
  const seed = fieldText(entry, 'TOTP Seed');
  if (seed) {
    // KeePassXC before 2.6: "period;digits", digits "S" for Steam.
    const [period, digits] = fieldText(entry, 'TOTP Settings').split(';');
    const steam = digits?.trim().toUpperCase() === 'S';
    return {
      account: entryAccount({ type: steam ? 'steam' : 'totp', issuer, label, secret: seed, period, digits }),
      tags,
    };
  }
  const totp = keePassSecret(entry, 'TimeOtp');
  if (totp)
    return {
      account: entryAccount({
        issuer,
        label,
        secret: totp,
        algorithm: keePassAlgorithm(fieldText(entry, 'TimeOtp-Algorithm')),
        digits: fieldText(entry, 'TimeOtp-Length'),
        period: fieldText(entry, 'TimeOtp-Period'),
      }),
      tags,
    };
  return {
    account: entryAccount({
      type: 'hotp',
      issuer,
      label,
      secret: keePassSecret(entry, 'HmacOtp'),
      counter: fieldText(entry, 'HmacOtp-Counter'),
    }),
    tags,
  };
}

const OTP_FIELDS = /^(otp|TOTP Seed|(TimeOtp|HmacOtp)-Secret(-Hex|-Base32|-Base64)?)$/;

async function open(bytes: Uint8Array, password: string): Promise<Kdbx> {
  const data = bytes.slice().buffer;
  checkCost(data);
  try {
    return await Kdbx.load(data, new KdbxCredentials(ProtectedValue.fromString(password)));
  } catch (error) {
    throw fromKdbxError(error);
  }
}

/** The accounts of a KeePass database (keepass.ts has recognised it by its signature). */
export async function readKeePass(bytes: Uint8Array, password: string | undefined): Promise<ParsedImport> {
  if (startsWith(bytes, KDB_SIGNATURE))
    throw new ImportError(
      'not-recognised',
      'This is a KeePass 1 database (.kdb), which Tessera does not read. Open it in KeePassXC or KeePass 2, ' +
        'save it as a KDBX database, and import that.',
    );
  const db = await open(bytes, requirePassword(password, FORMAT));
  const recycleBin = db.meta.recycleBinUuid;
  const entries: { entry: KdbxEntry; tags: string[] }[] = [];
  for (const top of db.groups) {
    for (const group of top.allGroups()) {
      if (recycleBin && group.uuid.equals(recycleBin)) continue;
      const inBin = (() => {
        for (let parent = group.parentGroup; parent; parent = parent.parentGroup)
          if (recycleBin && parent.uuid.equals(recycleBin)) return true;
        return false;
      })();
      if (inBin) continue;
      const groupTag = group === top ? [] : [group.name ?? ''];
      for (const entry of group.entries)
        if ([...entry.fields.keys()].some((name) => OTP_FIELDS.test(name) && fieldText(entry, name)))
          entries.push({ entry, tags: [...groupTag, ...entry.tags] });
    }
  }
  if (entries.length === 0)
    throw new ImportError('empty', `This ${FORMAT} database holds no entry with a one-time password.`);
  return collectAccounts(
    FORMAT,
    entries,
    ({ entry, tags }) => convert(entry, tags),
    ({ entry }) => entryName(fieldText(entry, 'Title'), fieldText(entry, 'UserName')),
  );
}
