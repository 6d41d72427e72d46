/**
 * Fuzzes the importers with 10,000 mutated copies of each format's fixture: bytes flipped,
 * inserted, deleted, the file cut short, and (for JSON) values swapped for ones of another type.
 * The contract: every account of a file comes back valid, with anything unusable listed as
 * skipped, or an ImportError says why nothing can; never another exception. Encrypted formats are
 * fuzzed with a cheap key derivation (the real ones cost up to half a second per try), which
 * exercises their envelopes; their decryption is covered by import-file.test.ts. Where the
 * real derivation is cheap enough to run once (FreeOTP 2's 100,000 PBKDF2 rounds, Authy's 1,000),
 * it runs once on the unmutated file and its key is reused for every copy that kept the salt
 * and count, so their decrypted contents are fuzzed too. Android preferences files have the
 * JSON inside their `<string>`s mutated, and FreeOTP 2 backups their JSON values, written back
 * as Java serializes them. FUZZ_SEED explores further.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { writeJavaStringMap } from '../../../tests/java-stream';
import { mutateBytes, mutateJson } from '../../../tests/mutate';
import { importOutcome } from '../../../tests/import-outcome';
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
import { importFile } from './import-file';
import type * as ImportCrypto from './import-crypto';
import { readJavaStringMap } from './java-string-map';

/** Real PBKDF2 keys, derived once from the unmutated files of REAL_KDF (see above). */
const realKeys = new Map<string, Uint8Array>();
let deriveForReal = false;

vi.mock('./import-crypto', async (original) => {
  const real = await original<typeof ImportCrypto>();
  const cheap = async (password: string, salt: Uint8Array) =>
    real.sha256(new Uint8Array([...new TextEncoder().encode(password), ...salt]));
  const pbkdf2: typeof real.pbkdf2 = async (password, salt, iterations, hash, bits) => {
    const id = [password, real.toHex(salt), iterations, hash, bits].join();
    if (deriveForReal && !realKeys.has(id)) realKeys.set(id, await real.pbkdf2(password, salt, iterations, hash, bits));
    return realKeys.get(id) ?? cheap(password, salt);
  };
  return { ...real, scryptKey: cheap, argon2idKey: cheap, pbkdf2 };
});

const MUTATIONS = Number(process.env.FUZZ_MUTATIONS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 0x1e9057);

const FILES = [
  'plain.txt',
  '../google-migration/example_export.txt',
  '../google-migration/example_output.json',
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
  'authy_plain.xml',
  'authy_encrypted.xml',
  'battle_net_authenticator.xml',
  'duo.json',
  'freeotp.xml',
  'freeotp_plus_internal.xml',
  'freeotp_v2_api23.xml',
  'freeotp_v2_null_algo.xml',
  'steam.json',
  'steam_old.json',
  'totp_authenticator.bin',
  'totp_authenticator_internal.xml',
];

const PASSWORDS: Record<string, string> = { 'authy_encrypted.xml': 'testtest', 'totp_authenticator.bin': 'Testtest1' };
const REAL_KDF = new Set(['authy_encrypted.xml', 'freeotp_v2_api23.xml', 'freeotp_v2_null_algo.xml']);

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const jsonOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
const unescapeXml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Android preferences file with the JSON of one of its `<string>`s mutated. */
function mutatePrefs(xml: string, random: () => number): Uint8Array | undefined {
  const strings = [...xml.matchAll(/(<string name="[^"]*">)([^<]*)(<\/string>)/g)].filter(
    ([, , value]) => jsonOrUndefined(unescapeXml(value!)) !== undefined,
  );
  if (strings.length === 0) return undefined;
  const [whole, open, value, close] = pick(strings, random);
  const mutated = escapeXml(JSON.stringify(mutateJson(JSON.parse(unescapeXml(value!)), random)));
  return new TextEncoder().encode(xml.replace(whole, `${open}${mutated}${close}`));
}

/** A FreeOTP 2 backup with one of its JSON values mutated (a token's JSON inside JSON, at times). */
function mutateJavaMap(bytes: Uint8Array, random: () => number): Uint8Array {
  const map = readJavaStringMap(bytes);
  const key = pick([...map.keys()], random);
  const value = JSON.parse(map.get(key)!) as Record<string, unknown>;
  const mutated =
    typeof value.key === 'string' && random() < 0.5
      ? { ...value, key: JSON.stringify(mutateJson(JSON.parse(value.key), random)) }
      : mutateJson(value, random);
  map.set(key, JSON.stringify(mutated));
  return writeJavaStringMap(map);
}

/** Mutates a file MUTATIONS times; every import must be whole and valid, or a typed error. */
async function fuzzFile(file: string, original: Uint8Array) {
  const text = new TextDecoder().decode(original);
  const json = jsonOrUndefined(text);
  const random = prng(SEED ^ [...file].reduce((hash, char) => Math.imul(hash, 31) + char.charCodeAt(0), 0));
  const password = PASSWORDS[file] ?? 'test';
  if (REAL_KDF.has(file)) {
    deriveForReal = true;
    await importFile(original, password);
    deriveForReal = false;
  }
  const prefs = text.includes('<map>');
  const javaMap = original[0] === 0xac && original[1] === 0xed;
  const outcomes = { imported: 0, errors: 0 };
  for (let i = 0; i < MUTATIONS; i++) {
    const structured = random() < 0.5;
    const mutated =
      (structured && json !== undefined && new TextEncoder().encode(JSON.stringify(mutateJson(json, random)))) ||
      (structured && prefs && mutatePrefs(text, random)) ||
      (structured && javaMap && mutateJavaMap(original, random)) ||
      mutateBytes(original, random);
    outcomes[await importOutcome(mutated, password, `mutation ${i} of ${file} (seed ${SEED})`)]++;
  }
  // A real key was derived: some copies must have been decrypted and imported.
  if (REAL_KDF.has(file)) expect(outcomes.imported).toBeGreaterThan(0);
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
