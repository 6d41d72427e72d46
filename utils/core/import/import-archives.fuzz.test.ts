/**
 * Fuzzes the archive, database and KeePass importers as import-file.fuzz.test.ts does the others:
 * 10,000 mutated copies of each file (bytes edited, and for the JSON inside a ZIP, values swapped
 * and the archive rebuilt) must each give a whole valid import or an ImportError, never another
 * exception. The KeePass fixtures use tiny key derivation costs, so each copy is cheap; copies
 * whose header asks for a real cost are refused before deriving (keepass.ts). FUZZ_SEED explores
 * further.
 */
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_PASSWORD,
  kdbxDatabase,
  onePasswordData,
  onePasswordZip,
  raivoJson,
  raivoZip,
  winAuthZip,
  zipOf,
} from '../../../tests/archive-fixtures';
import { mutateBytes, mutateJson } from '../../../tests/mutate';
import { importOutcome } from '../../../tests/import-outcome';
import { prng } from '../../../tests/prng';
import { fixturePath } from '../../../tests/shared-fixtures';

/** Argon2's least cost (8 KiB per lane, one pass): each copy whose header is intact derives a key. */
const LEAST_ARGON2 = { memoryKiB: 8, iterations: 1, parallelism: 1 };

const MUTATIONS = Number(process.env.FUZZ_MUTATIONS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 0x1e9057);

const shared = (file: string) => async () => new Uint8Array(readFileSync(fixturePath(`aegis-importers/${file}`)));

/**
 * A database rewritten with 512-byte pages (SQLite's smallest): the same tables and rows in a
 * sixth of the bytes, so mutations land in its structure rather than in free space.
 */
function compacted(file: string) {
  return async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database(await shared(file)());
    db.run('PRAGMA page_size = 512; VACUUM;');
    const bytes = db.export();
    db.close();
    return bytes;
  };
}

/**
 * A file, its password, and (for a ZIP around JSON) how to rebuild it around mutated JSON: stored
 * and unencrypted, which the importer reads as well, so each copy costs no compression or key
 * derivation (the encrypted reading is fuzzed through the byte mutations).
 */
const FILES: [
  name: string,
  load: () => Promise<Uint8Array>,
  password: string,
  json?: [string, (json: string) => Promise<Uint8Array>],
][] = [
  ['authenticator_plus.zip', shared('authenticator_plus.zip'), 'testtesttest'],
  ['google_authenticator.sqlite', compacted('google_authenticator.sqlite'), FIXTURE_PASSWORD],
  ['microsoft_authenticator.sqlite', compacted('microsoft_authenticator.sqlite'), FIXTURE_PASSWORD],
  ['stratum_internal.db', compacted('stratum_internal.db'), FIXTURE_PASSWORD],
  ['freeotp_v2_api34.xml', shared('freeotp_v2_api34.xml'), FIXTURE_PASSWORD],
  // ZipCrypto: AES costs zip.js a key derivation per copy; import-archives.test.ts reads the AES one.
  [
    'raivo-otp-export.zip',
    () => raivoZip(raivoJson(), true),
    FIXTURE_PASSWORD,
    [raivoJson(), (json) => zipOf([{ name: 'raivo-otp-export.json', content: json }], { store: true })],
  ],
  [
    'export.1pux',
    () => onePasswordZip(),
    FIXTURE_PASSWORD,
    [onePasswordData(), (json) => zipOf([{ name: 'export.data', content: json }], { store: true })],
  ],
  ['winauth.zip', winAuthZip, FIXTURE_PASSWORD],
  ['kdbx4-argon2id.kdbx', () => kdbxDatabase('kdbx4-argon2id', FIXTURE_PASSWORD, LEAST_ARGON2), FIXTURE_PASSWORD],
  ['kdbx4-argon2d.kdbx', () => kdbxDatabase('kdbx4-argon2d', FIXTURE_PASSWORD, LEAST_ARGON2), FIXTURE_PASSWORD],
  ['kdbx3-aes.kdbx', () => kdbxDatabase('kdbx3-aes'), FIXTURE_PASSWORD],
];

describe('importing mutated archives, databases and KeePass files', () => {
  it.each(FILES)(
    `%s: ${MUTATIONS} mutations (seed ${SEED}) give whole valid imports or typed errors`,
    async (name, load, password, json) => {
      const original = await load();
      const random = prng(SEED ^ [...name].reduce((hash, char) => Math.imul(hash, 31) + char.charCodeAt(0), 0));
      const outcomes = { imported: 0, errors: 0 };
      for (let i = 0; i < MUTATIONS; i++) {
        const mutated =
          json && random() < 0.5
            ? await json[1](JSON.stringify(mutateJson(JSON.parse(json[0]), random)))
            : mutateBytes(original, random);
        outcomes[await importOutcome(mutated, password, `mutation ${i} of ${name} (seed ${SEED})`)]++;
      }
      expect(outcomes.imported + outcomes.errors).toBe(MUTATIONS);
    },
    300_000,
  );
});
