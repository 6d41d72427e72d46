import { describe, expect, it } from 'vitest';
import { utf8 } from '../internal/bytes';
import { newDataKey, newKdfParams, openVault, readHeader, sealVault, unwrapDataKey, wrapDataKey } from './vault-crypto';
import { DEFAULT_KDF, HEADER_BYTES, IV_BYTES, type KdfCost } from './vault-format';
import { ServiceError } from '../internal/service-error';

/** Cheap Argon2id so hundreds of unwraps stay fast; real vaults use DEFAULT_KDF. */
const TEST_KDF: KdfCost = { memoryKiB: 8, iterations: 1, parallelism: 1 };
const PASSPHRASE = 'correct horse battery staple';
const PLAINTEXT = utf8('{"version":1,"entries":[{"secret":"JBSWY3DPEHPK3PXP"}]}');

async function makeVault(cost = TEST_KDF) {
  const dataKey = newDataKey();
  const wrapped = await wrapDataKey(dataKey, PASSPHRASE, newKdfParams(cost));
  return { dataKey, wrapped, blob: await sealVault(PLAINTEXT, dataKey, wrapped, 7) };
}

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ServiceError)) throw new Error(`expected a ServiceError, got ${String(error)}`);
  return error;
}

function flipBit(blob: Uint8Array<ArrayBuffer>, bit: number): Uint8Array<ArrayBuffer> {
  const copy = blob.slice();
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}

describe('vault encryption', () => {
  it('round-trips with the data key and unwraps it with the passphrase', async () => {
    const { dataKey, blob } = await makeVault();
    expect((await openVault(blob, dataKey)).plaintext).toEqual(PLAINTEXT);
    expect(await unwrapDataKey(blob, PASSPHRASE)).toEqual(dataKey);
    expect((await readHeader(blob)).header.revision).toBe(7);
  });

  it('stores Argon2id m=64 MiB, t=3, p=4 and a 16-byte random salt in the header by default', async () => {
    const { blob } = await makeVault(DEFAULT_KDF);
    const { kdf } = (await readHeader(blob)).header;
    expect(kdf).toMatchObject({ memoryKiB: 65536, iterations: 3, parallelism: 4 });
    expect(kdf.salt).toHaveLength(16);
    expect(kdf.salt).not.toEqual((await readHeader((await makeVault(DEFAULT_KDF)).blob)).header.kdf.salt);
  });

  it('uses a fresh IV for every write', async () => {
    const { dataKey, wrapped } = await makeVault();
    const ivs = new Set<string>();
    for (let i = 0; i < 50; i++)
      ivs.add((await sealVault(PLAINTEXT, dataKey, wrapped, i)).slice(HEADER_BYTES, HEADER_BYTES + IV_BYTES).join());
    expect(ivs.size).toBe(50);
  });

  it('never contains the plaintext', async () => {
    const { blob } = await makeVault();
    expect(Buffer.from(blob).includes(Buffer.from('JBSWY3DPEHPK3PXP'))).toBe(false);
  });

  it('refuses a wrong passphrase with its own error', async () => {
    const { blob } = await makeVault();
    expect(await failure(unwrapDataKey(blob, 'correct horse battery stapler'))).toMatchObject({
      code: 'wrong-passphrase',
      message: 'That passphrase is not right.',
    });
  });

  it('re-wraps the same data key under a new passphrase', async () => {
    const { dataKey, blob } = await makeVault();
    const rewrapped = await wrapDataKey(
      await unwrapDataKey(blob, PASSPHRASE),
      'a new passphrase',
      newKdfParams(TEST_KDF),
    );
    const next = await sealVault(PLAINTEXT, dataKey, rewrapped, 8);
    expect(await unwrapDataKey(next, 'a new passphrase')).toEqual(dataKey);
    expect((await failure(unwrapDataKey(next, PASSPHRASE))).code).toBe('wrong-passphrase');
    expect((await openVault(next, dataKey)).plaintext).toEqual(PLAINTEXT);
  });

  it('detects every single-bit flip of the stored vault (header, IV, ciphertext, tag)', async () => {
    const { dataKey, blob } = await makeVault();
    for (let bit = 0; bit < blob.length * 8; bit++) {
      expect((await failure(openVault(flipBit(blob, bit), dataKey))).code, `bit ${bit}`).toBe('vault-damaged');
      // A damaged header is damage, never "wrong passphrase": Tessera falls back to the previous copy.
      if (bit < HEADER_BYTES * 8)
        expect((await failure(unwrapDataKey(flipBit(blob, bit), PASSPHRASE))).code, `bit ${bit}`).toBe('vault-damaged');
    }
  });

  it('detects deliberate tampering even when the checksum is recomputed', async () => {
    const { dataKey, blob } = await makeVault();
    const recomputed = async (tampered: Uint8Array<ArrayBuffer>) => {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', tampered.slice(0, HEADER_BYTES - 8)));
      tampered.set(digest.slice(0, 8), HEADER_BYTES - 8);
      return tampered;
    };
    for (let bit = 0; bit < blob.length * 8; bit++) {
      if (bit >= (HEADER_BYTES - 8) * 8 && bit < HEADER_BYTES * 8) continue; // the checksum itself
      const tampered = await recomputed(flipBit(blob, bit));
      await failure(openVault(tampered, dataKey));
      // The KDF parameters, salt and wrap IV are bound to the wrapped key (bytes 0-92), so the
      // passphrase path refuses them too. The top bytes of the memory cost (8-9) are left to the
      // line above: they ask Argon2 for hundreds of MiB per try.
      if (bit < 93 * 8 && (bit < 8 * 8 || bit >= 10 * 8)) await failure(unwrapDataKey(tampered, PASSPHRASE));
    }
  });

  it('refuses a vault from a newer format, and what is not a vault at all', async () => {
    const { dataKey, blob } = await makeVault();
    const newer = blob.slice();
    newer[4] = 2;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', newer.slice(0, HEADER_BYTES - 8)));
    newer.set(digest.slice(0, 8), HEADER_BYTES - 8);
    expect(await failure(openVault(newer, dataKey))).toMatchObject({ code: 'unsupported-version' });
    expect(
      (
        await failure(
          openVault(utf8('not a vault at all, just some text here to be long enough for a header'), dataKey),
        )
      ).code,
    ).toBe('vault-damaged');
    expect((await failure(openVault(blob.slice(0, 100), dataKey))).code).toBe('vault-damaged');
    expect((await failure(openVault(blob.slice(0, blob.length - 1), dataKey))).code).toBe('vault-damaged');
  });
});
