import { describe, expect, it } from 'vitest';
import { toBase64 } from '../internal/bytes';
import { encodeWrappedKey } from '../vault/vault-crypto';
import { DEFAULT_KDF } from '../vault/vault-format';
import { decodeSyncHeader, encodeSyncHeader, syncKeyId } from './sync-header';

const wrapped = {
  kdf: { ...DEFAULT_KDF, salt: new Uint8Array(16).fill(1) },
  wrapIv: new Uint8Array(12).fill(2),
  wrappedKey: new Uint8Array(48).fill(3),
};
const header = encodeWrappedKey(wrapped);

describe('encodeSyncHeader / decodeSyncHeader', () => {
  it('carries bytes 0-92 and the key id of the wrapped key', async () => {
    const value = await encodeSyncHeader(header);
    const parsed = JSON.parse(value) as { f: number; h: string; k: string };
    expect(parsed).toEqual({ f: 1, h: toBase64(header.slice(0, 93)), k: await syncKeyId(header) });
    expect(parsed.k).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const decoded = await decodeSyncHeader(value);
    expect(decoded.header).toEqual(header.slice(0, 93));
    expect(decoded.keyId).toBe(parsed.k);
    expect(decoded.wrapped).toEqual(wrapped);
  });

  it('gives another key id for another wrapped key', async () => {
    const other = encodeWrappedKey({ ...wrapped, wrappedKey: new Uint8Array(48).fill(4) });
    expect(await syncKeyId(other)).not.toBe(await syncKeyId(header));
  });

  const bad = async (change: (h: Uint8Array) => void, extra: Record<string, unknown> = {}) => {
    const bytes = header.slice(0, 93);
    change(bytes);
    return JSON.stringify({ f: 1, h: toBase64(bytes), k: await syncKeyId(bytes), ...extra });
  };

  it.each([
    ['not JSON', async () => '{', 'sync-damaged'],
    ['not a string', async () => 42, 'sync-damaged'],
    ['a newer format', async () => bad(() => {}, { f: 2 }), 'sync-newer'],
    ['a wrong key id', async () => bad(() => {}, { k: 'AAAAAAAAAAAA' }), 'sync-damaged'],
    ['another magic', async () => bad((h) => (h[0] = 0)), 'sync-damaged'],
    ['a newer vault format', async () => bad((h) => (h[4] = 2)), 'sync-newer'],
    [
      'an Argon2id cost out of bounds',
      async () => bad((h) => new DataView(h.buffer).setUint32(8, 1 << 30)),
      'sync-damaged',
    ],
    ['a cut header', async () => JSON.stringify({ f: 1, h: toBase64(header.slice(0, 90)), k: 'x' }), 'sync-damaged'],
    ['not base64', async () => JSON.stringify({ f: 1, h: '***', k: 'x' }), 'sync-damaged'],
  ])('refuses %s', async (_, value, code) => {
    await expect(decodeSyncHeader(await value())).rejects.toMatchObject({ name: 'SyncError', code });
  });
});
