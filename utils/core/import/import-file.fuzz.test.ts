/**
 * Fuzzes the importers with 10,000 mutated copies of each format's fixture: bytes flipped,
 * inserted, deleted, the file cut short, and (for JSON) values swapped for ones of another type.
 * The contract: every account of a file comes back valid, with anything unusable listed as
 * skipped, or an ImportError says why nothing can; never another exception. Encrypted formats are
 * fuzzed with a cheap key derivation (the real ones cost up to half a second per try), which
 * exercises their envelopes; their decryption is covered by import-file.test.ts. FUZZ_SEED
 * explores further.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { prng } from '../../../tests/prng';
import {
  bitwardenAccountRestrictedExport,
  bitwardenEncryptedExport,
  bitwardenOldJsonExport,
  enteEncryptedExport,
  lastPassExport,
  protonEncryptedExport,
  twoFAuthExport,
  type Kdf,
} from '../../../tests/import-fixtures';
import { fixturePath } from '../../../tests/shared-fixtures';
import { ImportError } from './import-error';
import { validateAccount } from '../otp/validate-account';
import { importFile } from './import-file';
import type * as ImportCrypto from './import-crypto';

vi.mock('./import-crypto', async (original) => {
  const real = await original<typeof ImportCrypto>();
  const cheap = async (password: string, salt: Uint8Array) =>
    real.sha256(new Uint8Array([...new TextEncoder().encode(password), ...salt]));
  return { ...real, scryptKey: cheap, argon2idKey: cheap, pbkdf2: cheap };
});

const MUTATIONS = Number(process.env.FUZZ_MUTATIONS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 0x1e9057);

const FILES = [
  'plain.txt',
  'ente_auth.txt',
  'aegis_plain.json',
  'aegis_encrypted.json',
  '2fas_authenticator.json',
  '2fas_authenticator_plain_v4.2fas',
  '2fas_authenticator_encrypted_v4.2fas',
  'andotp_plain.json',
  'andotp_encrypted.bin',
  'bitwarden.json',
  'bitwarden.csv',
  'freeotp_plus.json',
  'proton_authenticator.json',
  'stratum_plain.json',
  'stratum_encrypted.bin',
  'stratum_encrypted_legacy.bin',
];

const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  '',
  'x',
  'SHA1',
  'HOTP',
  'steam',
  [],
  {},
  [1, 2],
  { a: 1 },
  true,
  '====',
  '-',
];

/** A JSON value with one of its values (at any depth) replaced. */
function mutateJson(value: unknown, random: () => number): unknown {
  if (typeof value !== 'object' || value === null) return ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  const copy: Record<string, unknown> = Array.isArray(value)
    ? ([...value] as unknown as Record<string, unknown>)
    : { ...value };
  const keys = Object.keys(copy);
  if (keys.length === 0) return ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  const key = keys[Math.floor(random() * keys.length)]!;
  if (random() < 0.15) delete copy[key];
  else
    copy[key] = random() < 0.6 ? mutateJson(copy[key], random) : ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  return copy;
}

function mutateBytes(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = [...bytes];
  const at = () => Math.floor(random() * (out.length + 1));
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i++) {
    const kind = random();
    if (kind < 0.4 && out.length) out[Math.min(at(), out.length - 1)] = Math.floor(random() * 256);
    else if (kind < 0.6) out.splice(at(), 0, Math.floor(random() * 256));
    else if (kind < 0.8 && out.length) out.splice(at(), 1 + Math.floor(random() * 8));
    else out.length = at();
  }
  return Uint8Array.from(out);
}

/** Mutates a file MUTATIONS times; every import must be whole and valid, or a typed error. */
async function fuzzFile(file: string, original: Uint8Array) {
  const text = new TextDecoder().decode(original);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const random = prng(SEED ^ [...file].reduce((hash, char) => Math.imul(hash, 31) + char.charCodeAt(0), 0));
  const outcomes = { imported: 0, errors: 0 };
  for (let i = 0; i < MUTATIONS; i++) {
    const mutated =
      json !== undefined && random() < 0.5
        ? new TextEncoder().encode(JSON.stringify(mutateJson(json, random)))
        : mutateBytes(original, random);
    try {
      const parsed = await importFile(mutated, 'test');
      expect(parsed.accounts.length).toBeGreaterThan(0);
      for (const { account, tags } of parsed.accounts) {
        expect(validateAccount(account)).toEqual(account);
        expect(tags.every((tag) => typeof tag === 'string')).toBe(true);
      }
      outcomes.imported++;
    } catch (error) {
      if (!(error instanceof ImportError))
        throw new Error(`mutation ${i} of ${file} (seed ${SEED}) threw ${String(error)}`, { cause: error });
      outcomes.errors++;
    }
  }
  expect(outcomes.imported + outcomes.errors).toBe(MUTATIONS);
  return outcomes;
}

describe('importing mutated files', () => {
  it.each(FILES)(
    `%s: ${MUTATIONS} mutations (seed ${SEED}) give whole valid imports or typed errors`,
    async (file) => {
      await fuzzFile(file, new Uint8Array(readFileSync(fixturePath(`aegis-importers/${file}`))));
    },
    120_000,
  );
});

/**
 * Formats ../shared lacks, built by tests/import-fixtures.ts; the encrypted ones with the same
 * cheap key derivation as the mock above, so that the original opens with "test" and the
 * mutations reach the content inside as well as the envelope.
 */
const cheapKdf: Kdf = async (password, salt) =>
  new Uint8Array(createHash('sha256').update(password).update(salt).digest());

const GENERATED: [name: string, build: () => Promise<Uint8Array> | Uint8Array][] = [
  ['Proton Authenticator (encrypted)', () => protonEncryptedExport('test', { kdf: cheapKdf })],
  ['Ente Auth (encrypted)', () => enteEncryptedExport('test', { kdf: cheapKdf })],
  [
    'Bitwarden (password protected, PBKDF2)',
    () => bitwardenEncryptedExport('test', { kdfType: 0, kdfIterations: 600_000 }, { kdf: cheapKdf }),
  ],
  [
    'Bitwarden (password protected, Argon2id)',
    () =>
      bitwardenEncryptedExport(
        'test',
        { kdfType: 1, kdfIterations: 3, kdfMemory: 64, kdfParallelism: 4 },
        { kdf: cheapKdf },
      ),
  ],
  ['Bitwarden (account restricted)', bitwardenAccountRestrictedExport],
  ['Bitwarden (older JSON)', bitwardenOldJsonExport],
  ['LastPass Authenticator', () => lastPassExport()],
  ['2FAuth', () => twoFAuthExport()],
];

describe('importing mutated files of generated formats', () => {
  it.each(GENERATED)(
    `%s: ${MUTATIONS} mutations (seed ${SEED}) give whole valid imports or typed errors`,
    async (name, build) => {
      const original = await build();
      if (!name.includes('account restricted'))
        expect((await importFile(original, 'test')).accounts.length).toBeGreaterThan(0);
      await fuzzFile(name, original);
    },
    120_000,
  );
});
