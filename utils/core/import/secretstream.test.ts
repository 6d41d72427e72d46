/**
 * secretstream.ts against libsodium itself (libsodium-wrappers-sumo, the library Ente Auth's
 * clients call): every message libsodium pushes opens, with its tag, and nothing else does.
 */
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { secretstreamOpen, SECRETSTREAM_TAG_FINAL, SECRETSTREAM_TAG_MESSAGE } from './secretstream';

beforeAll(async () => {
  await sodium.ready;
});

function push(key: Uint8Array, message: Uint8Array, tag: number) {
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  return { header, data: sodium.crypto_secretstream_xchacha20poly1305_push(state, message, null, tag) };
}

describe('secretstreamOpen', () => {
  it.each([0, 1, 15, 16, 63, 64, 65, 1000])('opens a %i-byte message libsodium pushed', (length) => {
    const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
    const message = sodium.randombytes_buf(length);
    for (const tag of [SECRETSTREAM_TAG_FINAL, SECRETSTREAM_TAG_MESSAGE]) {
      const { header, data } = push(key, message, tag);
      expect(secretstreamOpen(key, header, data)).toEqual({ tag, message });
    }
  });

  it('gives null for a wrong key, a wrong header or any changed byte', () => {
    const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
    const { header, data } = push(
      key,
      new TextEncoder().encode('otpauth://totp/x?secret=AAAA'),
      SECRETSTREAM_TAG_FINAL,
    );
    expect(secretstreamOpen(sodium.crypto_secretstream_xchacha20poly1305_keygen(), header, data)).toBeNull();
    const otherHeader = header.slice();
    otherHeader[20]! ^= 1;
    expect(secretstreamOpen(key, otherHeader, data)).toBeNull();
    for (let i = 0; i < data.length; i++) {
      const changed = data.slice();
      changed[i]! ^= 0x80;
      expect(secretstreamOpen(key, header, changed), `byte ${i}`).toBeNull();
    }
    expect(secretstreamOpen(key, header, data.subarray(0, data.length - 1))).toBeNull();
  });

  it('refuses impossible lengths', () => {
    const key = new Uint8Array(32);
    expect(() => secretstreamOpen(key, new Uint8Array(23), new Uint8Array(17))).toThrow(RangeError);
    expect(() => secretstreamOpen(key, new Uint8Array(24), new Uint8Array(16))).toThrow(RangeError);
    expect(() => secretstreamOpen(new Uint8Array(31), new Uint8Array(24), new Uint8Array(17))).toThrow(RangeError);
  });
});
