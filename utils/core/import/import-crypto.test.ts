/**
 * The one call import-crypto.ts makes into libsodium-wrappers (Ente's secretstream), checked
 * against messages libsodium pushes: each opens with its tag, nothing altered does, and the
 * sizes and tags Ente's reader checks before its costly key derivation are libsodium's own.
 */
import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECRETSTREAM, secretstreamPull } from './import-crypto';

beforeAll(async () => {
  await sodium.ready;
});

function push(key: Uint8Array, message: Uint8Array, tag: number) {
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  return { header, data: sodium.crypto_secretstream_xchacha20poly1305_push(state, message, null, tag) };
}

describe('secretstreamPull', () => {
  it("uses libsodium's sizes and tags", () => {
    expect(SECRETSTREAM).toEqual({
      headerBytes: sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES,
      aBytes: sodium.crypto_secretstream_xchacha20poly1305_ABYTES,
      tagMessage: sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
      tagFinal: sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL,
    });
  });

  it.each([0, 1, 64, 1000])('opens a %i-byte message with its tag', async (length) => {
    const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
    const message = sodium.randombytes_buf(length);
    for (const tag of [SECRETSTREAM.tagFinal, SECRETSTREAM.tagMessage]) {
      const { header, data } = push(key, message, tag);
      expect(await secretstreamPull(key, header, data)).toEqual({ tag, message });
    }
  });

  it('gives null for a wrong key, a changed header, a changed byte or a cut', async () => {
    const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
    const { header, data } = push(key, new TextEncoder().encode('otpauth://totp/x?secret=AAAA'), SECRETSTREAM.tagFinal);
    const flip = (bytes: Uint8Array, at: number) => bytes.map((byte, i) => (i === at ? byte ^ 0x80 : byte));
    expect(await secretstreamPull(sodium.crypto_secretstream_xchacha20poly1305_keygen(), header, data)).toBeNull();
    expect(await secretstreamPull(key, flip(header, 20), data)).toBeNull();
    for (const at of [0, 1, data.length - 1]) expect(await secretstreamPull(key, header, flip(data, at))).toBeNull();
    expect(await secretstreamPull(key, header, data.subarray(0, -1))).toBeNull();
  });
});
