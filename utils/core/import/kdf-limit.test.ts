/**
 * Every encrypted format whose file picks its own key-derivation cost, at its limit (the KDF runs,
 * faked here so the table stays fast) and one past it (refused naming the setting and the limit,
 * before any KDF runs, in well under 100 ms). Formats with a fixed cost (2FAS, Stratum, Authy,
 * Proton) pick nothing. The limits and the app defaults they keep a margin over:
 *
 * | format    | setting             | app default (source)                          | limit                 |
 * | --------- | ------------------- | --------------------------------------------- | --------------------- |
 * | Aegis     | scrypt N, r, p      | 2^15, 8, 1 (aegis_encrypted.json; CryptoUtils) | 2^20, 32, 16         |
 * | Aegis     | N x r x p           | 2^18                                          | 2^20 (4x)             |
 * | Aegis     | password slots      | 1-2                                           | 8                     |
 * | andOTP    | PBKDF2 iterations   | 140,000-160,000 (Constants.java)              | 640,000 (4x)          |
 * | FreeOTP 2 | mIterations         | 100,000 (MasterKey.java; freeotp_v2_*.xml)    | 400,000 (4x)          |
 * | Ente      | memLimit; mem x ops | 1 GiB, 4 passes (libsodium "sensitive")       | 1 GiB; 4 GiB·passes   |
 * | Bitwarden | PBKDF2 iterations   | 600,000 (kdf-config.ts)                       | 2,000,000 (its max)   |
 * | Bitwarden | Argon2 t, m, p      | 3, 64 MiB, 4                                  | 10, 1 GiB, 16 (max)   |
 * | KeePass   | Argon2 m, t, p, m·t | 64 MiB, ~1 s of passes (KeePassXC)            | 1 GiB, 100, 64, 4 GiB |
 * | KeePass   | AES-KDF rounds      | ~1 s of rounds (KeePassXC)                    | 100,000,000           |
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { utf8 } from '../internal/bytes';
import { bitwardenEncryptedExport, enteEncryptedExport } from '../../../tests/import-fixtures';
import { kdbxDatabase } from '../../../tests/archive-fixtures';
import { fixturePath } from '../../../tests/shared-fixtures';
import { importFile } from './import-file';
import type * as ImportCrypto from './import-crypto';
import type * as HashWasm from 'hash-wasm';

/** Every KDF the importers run, recorded and answered with a dummy key at once. */
const kdf = vi.hoisted(() => ({ calls: [] as unknown[] }));

vi.mock('hash-wasm', async (original) => {
  const fake = (name: string) => async (params: { hashLength?: number; [key: string]: unknown }) => {
    const { password: _p, salt: _s, ...settings } = params;
    kdf.calls.push({ kdf: name, ...settings });
    return new Uint8Array(params.hashLength ?? 32);
  };
  return {
    ...(await original<typeof HashWasm>()),
    scrypt: fake('scrypt'),
    argon2id: fake('argon2id'),
    argon2d: fake('argon2d'),
  };
});

vi.mock('./import-crypto', async (original) => ({
  ...(await original<typeof ImportCrypto>()),
  pbkdf2: async (_password: string, _salt: Uint8Array, iterations: number) => {
    kdf.calls.push({ kdf: 'pbkdf2', iterations });
    return new Uint8Array(32);
  },
}));

const PASSWORD = 'test';
const shared = (file: string) => new Uint8Array(readFileSync(fixturePath(`aegis-importers/${file}`)));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a file's JSON, edited freely
type Json = Record<string, any>;
const editJson = (bytes: Uint8Array, change: (file: Json) => void) => {
  const file = JSON.parse(text(bytes)) as Json;
  change(file);
  return utf8(JSON.stringify(file));
};

function aegis(settings: { n?: number; r?: number; p?: number; slots?: number }) {
  return editJson(shared('aegis_encrypted.json'), (vault) => {
    const slot = vault.header.slots.find((s: { type: number }) => s.type === 1);
    Object.assign(slot, Object.fromEntries(Object.entries(settings).filter(([key]) => key !== 'slots')));
    if (settings.slots) vault.header.slots = Array.from({ length: settings.slots }, () => ({ ...slot }));
  });
}

/** andOTP's current layout: iterations (u32 BE), salt, nonce, then bytes no password opens. */
function andOtp(iterations: number) {
  const bytes = new Uint8Array(4 + 12 + 12 + 61).fill(7);
  new DataView(bytes.buffer).setUint32(0, iterations);
  return bytes;
}

/** A FreeOTP 2 backup whose master key asks for `iterations` (six digits, as the fixture's 100000). */
function freeOtp(iterations: number) {
  const bytes = shared('freeotp_v2_api34.xml');
  const at = text(bytes).indexOf('"mIterations":100000');
  expect(at).toBeGreaterThan(0);
  const copy = bytes.slice();
  copy.set(utf8(`"mIterations":${String(iterations).padStart(6, '0')}`), at);
  return copy;
}

const bitwarden = (settings: Record<string, number>) => async () =>
  editJson(
    await bitwardenEncryptedExport(PASSWORD, { kdfType: 1, kdfIterations: 3, kdfMemory: 64, kdfParallelism: 4 }),
    (file) => Object.assign(file, settings),
  );
const bitwardenPbkdf2 = (kdfIterations: number) => async () =>
  editJson(await bitwardenEncryptedExport(PASSWORD, { kdfType: 0, kdfIterations: 1 }), (file) =>
    Object.assign(file, { kdfIterations }),
  );
const ente = (memLimit: number, opsLimit: number) => async () =>
  editJson(await enteEncryptedExport(PASSWORD), (file) => Object.assign(file.kdfParams, { memLimit, opsLimit }));
const keePass = (memoryKiB: number, iterations: number, parallelism: number) => () =>
  kdbxDatabase('kdbx4-argon2id', PASSWORD, { memoryKiB, iterations, parallelism });

/** KDBX 3.1 with its TransformRounds (header field 6, 8 bytes little-endian) set to `rounds`. */
async function keePassAes(rounds: number) {
  const bytes = await kdbxDatabase('kdbx3-aes', PASSWORD);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at < bytes.length; at += 3 + view.getUint16(at + 1, true))
    if (bytes[at] === 6) {
      view.setBigUint64(at + 3, BigInt(rounds), true);
      return bytes;
    }
  throw new Error('no TransformRounds field');
}

type Build = () => Uint8Array | Promise<Uint8Array>;

beforeEach(() => {
  kdf.calls.length = 0;
});

describe('key derivation settings an imported file picks', () => {
  it.each<[string, Build, Record<string, unknown>]>([
    ['Aegis scrypt N = 2^20', () => aegis({ n: 2 ** 20, r: 1, p: 1 }), { kdf: 'scrypt', costFactor: 2 ** 20 }],
    ['Aegis scrypt r = 32', () => aegis({ n: 2 ** 15, r: 32, p: 1 }), { kdf: 'scrypt', blockSize: 32 }],
    ['Aegis scrypt p = 16', () => aegis({ n: 2 ** 16, r: 1, p: 16 }), { kdf: 'scrypt', parallelism: 16 }],
    ['Aegis N x r x p = 2^20', () => aegis({ n: 2 ** 17, r: 8, p: 1 }), { kdf: 'scrypt', costFactor: 2 ** 17 }],
    ['Aegis with 8 password slots', () => aegis({ slots: 8 }), { kdf: 'scrypt', costFactor: 2 ** 15 }],
    ['andOTP 640,000 iterations', () => andOtp(640_000), { kdf: 'pbkdf2', iterations: 640_000 }],
    ['FreeOTP 400,000 iterations', () => freeOtp(400_000), { kdf: 'pbkdf2', iterations: 400_000 }],
    ['Ente 1 GiB, 4 passes', ente(1024 ** 3, 4), { kdf: 'argon2id', memorySize: 1024 ** 2, iterations: 4 }],
    ['Ente 512 MiB, 8 passes', ente(1024 ** 3 / 2, 8), { kdf: 'argon2id', iterations: 8 }],
    ['Bitwarden PBKDF2 2,000,000', bitwardenPbkdf2(2_000_000), { kdf: 'pbkdf2', iterations: 2_000_000 }],
    [
      'Bitwarden Argon2id 10 passes, 1 GiB, 16 lanes',
      bitwarden({ kdfIterations: 10, kdfMemory: 1024, kdfParallelism: 16 }),
      { kdf: 'argon2id', iterations: 10, memorySize: 1024 ** 2, parallelism: 16 },
    ],
    ['KeePass Argon2 1 GiB x 4 passes', keePass(1024 ** 2, 4, 1), { kdf: 'argon2id', memorySize: 1024 ** 2 }],
    ['KeePass Argon2 100 passes, 64 lanes', keePass(1024, 100, 64), { kdf: 'argon2id', iterations: 100 }],
  ])('%s: at the limit, the key is derived', async (_, build, expected) => {
    const file = await build();
    kdf.calls.length = 0;
    await importFile(file, PASSWORD).catch(() => undefined);
    expect(kdf.calls).toContainEqual(expect.objectContaining(expected));
  });

  it.each<[string, Build, string, string]>([
    ['Aegis scrypt N = 2^21', () => aegis({ n: 2 ** 21, r: 1, p: 1 }), 'scrypt N', '1,048,576'],
    ['Aegis scrypt N = 2^30', () => aegis({ n: 2 ** 30 }), 'scrypt N', '1,048,576'],
    ['Aegis scrypt r = 33', () => aegis({ n: 2, r: 33, p: 1 }), 'scrypt r', '32'],
    ['Aegis scrypt p = 17', () => aegis({ n: 2, r: 1, p: 17 }), 'scrypt p', '16'],
    ['Aegis N x r x p = 2^21', () => aegis({ n: 2 ** 18, r: 8, p: 1 }), 'scrypt N x r x p', '1,048,576'],
    ['Aegis with 9 password slots', () => aegis({ slots: 9 }), 'number of password slots', '8'],
    ['andOTP 640,001 iterations', () => andOtp(640_001), 'iteration count', '640,000'],
    ['FreeOTP 400,001 iterations', () => freeOtp(400_001), 'mIterations', '400,000'],
    ['Ente memLimit 1 GiB + 1', ente(1024 ** 3 + 1, 1), 'memLimit', '1,073,741,824'],
    ['Ente 1 GiB, 5 passes', ente(1024 ** 3, 5), 'memLimit in KiB x opsLimit', '4,194,304'],
    ['Bitwarden PBKDF2 2,000,001', bitwardenPbkdf2(2_000_001), 'kdfIterations', '2,000,000'],
    ['Bitwarden Argon2id 11 passes', bitwarden({ kdfIterations: 11 }), 'kdfIterations', '10'],
    ['Bitwarden Argon2id 1025 MiB', bitwarden({ kdfMemory: 1025 }), 'kdfMemory', '1,024'],
    ['Bitwarden Argon2id 17 lanes', bitwarden({ kdfParallelism: 17 }), 'kdfParallelism', '16'],
    ['KeePass Argon2 1 GiB + 1 KiB', keePass(1024 ** 2 + 1, 1, 1), 'Argon2 memory', '1,048,576'],
    ['KeePass Argon2 101 passes', keePass(1024, 101, 1), 'Argon2 iterations', '100'],
    ['KeePass Argon2 65 lanes', keePass(1024, 1, 65), 'Argon2 parallelism', '64'],
    ['KeePass Argon2 1 GiB x 5 passes', keePass(1024 ** 2, 5, 1), 'Argon2 work', '4,194,304'],
    ['KeePass AES-KDF 100,000,001 rounds', () => keePassAes(100_000_001), 'AES-KDF rounds', '100,000,000'],
  ])('%s: refused naming the setting and its limit, before any KDF, fast', async (label, build, name, limit) => {
    const file = await build();
    kdf.calls.length = 0;
    const started = performance.now();
    const error = await importFile(file, PASSWORD).catch((caught: unknown) => caught);
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ name: 'ImportError' });
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).toContain(limit);
    expect(kdf.calls).toEqual([]);
    expect(elapsed).toBeLessThan(100);
    if (process.env.KDF_TIMES) console.log(`${label}: ${elapsed.toFixed(1)} ms`);
  });
});
