/**
 * Bounded Argon2id (issue 15, "Bounded KDF parameters"): a vault header or a Tessera backup may
 * ask for at most 4x the defaults (m = 256 MiB, t = 12, p = 16). Beyond them the refusal names the
 * parameter and comes before any KDF runs, in well under 100 ms; today's costs still open.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64, utf8 } from '../internal/bytes';
import { importFile } from '../import/import-file';
import { encodeBackupFile } from '../export/backup-file';
import { readHeader, unwrapDataKey } from './vault-crypto';
import { CHECKSUM_BYTES, DEFAULT_KDF, KDF_LIMITS, encodeHeader, type KdfCost } from './vault-format';

/** A vault whose header (checksum right) asks for `cost`; the rest is zeros, as a crafted file would be. */
async function craftedVault(cost: KdfCost): Promise<Uint8Array<ArrayBuffer>> {
  const header = encodeHeader({
    version: 1,
    kdf: { ...cost, salt: new Uint8Array(16) },
    wrapIv: new Uint8Array(12),
    wrappedKey: new Uint8Array(48),
    revision: 1,
  });
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', header.slice(0, header.length - CHECKSUM_BYTES)));
  header.set(digest.slice(0, CHECKSUM_BYTES), header.length - CHECKSUM_BYTES);
  const blob = new Uint8Array(header.length + 12 + 32);
  blob.set(header);
  return blob;
}

const { memoryKiB: m, iterations: t, parallelism: p } = DEFAULT_KDF;

describe('Argon2id limits of a vault header and a Tessera backup', () => {
  // The import's first call loads its parsers; time the refusals, not module loading.
  beforeAll(async () => {
    const warm = encodeBackupFile(
      await craftedVault({ memoryKiB: 1 << 30, iterations: 1, parallelism: 1 }),
      1,
      new Date(0),
    );
    await importFile(utf8(warm), 'warm up').catch(() => undefined);
  });

  it('are 4x the defaults', () => {
    expect(KDF_LIMITS).toEqual({ memoryKiB: [8, 262_144], iterations: [1, 12], parallelism: [1, 16] });
  });

  it.each([
    // memoryKiB, iterations, parallelism, the refusal
    [262_145, t, p, /memory \(KiB\) 262145 is out of bounds \(Tessera accepts 8 to 262144\)/],
    [1_048_576, t, p, /memory \(KiB\) 1048576 is out of bounds/],
    [0xffff_ffff, t, p, /memory \(KiB\) 4294967295 is out of bounds/],
    [m, 13, p, /passes 13 is out of bounds \(Tessera accepts 1 to 12\)/],
    [m, 0xffff_ffff, p, /passes 4294967295 is out of bounds/],
    [m, 0, p, /passes 0 is out of bounds/],
    [m, t, 17, /parallelism 17 is out of bounds \(Tessera accepts 1 to 16\)/],
    [m, t, 255, /parallelism 255 is out of bounds/],
    [m, t, 0, /parallelism 0 is out of bounds/],
  ])('m=%i t=%i p=%i: %s, refused in under 100 ms', async (memoryKiB, iterations, parallelism, refusal) => {
    const blob = await craftedVault({ memoryKiB, iterations, parallelism });
    let started = performance.now();
    await expect(unwrapDataKey(blob, 'any passphrase')).rejects.toMatchObject({
      code: 'vault-damaged',
      message: expect.stringMatching(refusal),
    });
    expect(performance.now() - started).toBeLessThan(100);
    const backup = encodeBackupFile(blob, 1, new Date(0));
    started = performance.now();
    await expect(importFile(utf8(backup), 'any passphrase')).rejects.toMatchObject({
      name: 'ImportError',
      code: 'malformed',
      message: expect.stringMatching(new RegExp(`^This Tessera backup is refused: Argon2id .*${refusal.source}`)),
    });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it.each([
    ['the defaults', DEFAULT_KDF],
    ['the limits', { memoryKiB: 262_144, iterations: 12, parallelism: 16 }],
    ['the floors', { memoryKiB: 8, iterations: 1, parallelism: 1 }],
  ])('accept %s', async (_, cost) => {
    expect((await readHeader(await craftedVault(cost))).header.kdf).toMatchObject(cost);
    expect(toBase64(await craftedVault(cost))).toMatch(/^VFNSV/);
  });
});
