import { describe, expect, it, vi } from 'vitest';
import { fromBase64 } from '../core/internal/bytes';
import { MAX_ICON_BYTES } from '../core/accounts/site-icon';
import { ONE_PIXEL_BASE64, ONE_PIXEL_PNG } from '../../tests/icon-fixtures';
import { normaliseIcon, type CanvasDeps } from './normalise-icon';

const PNG_BLOB = new Blob([fromBase64(ONE_PIXEL_BASE64)], { type: 'image/png' });

/** A canvas that decodes every input as a `width`×`height` picture and encodes `encoded(size)`. */
function fakeCanvas(width: number, height: number, encoded: (size: number) => Blob) {
  const close = vi.fn();
  const sizes: number[] = [];
  const deps: CanvasDeps = {
    decode: async () => ({ width, height, close }),
    encode: async (_picture, size) => {
      sizes.push(size);
      return encoded(size);
    },
  };
  return { deps, close, sizes };
}

describe('normaliseIcon', () => {
  it('draws the picture at 32 px and keeps the PNG as a data URL', async () => {
    const { deps, close, sizes } = fakeCanvas(48, 48, () => PNG_BLOB);
    await expect(normaliseIcon(PNG_BLOB, deps)).resolves.toBe(ONE_PIXEL_PNG);
    expect(sizes).toEqual([32]);
    expect(close).toHaveBeenCalled();
  });
  it('tries 16 px when 32 px is over the size limit', async () => {
    const big = new Blob([new Uint8Array(MAX_ICON_BYTES + 1)]);
    const { deps, sizes } = fakeCanvas(64, 64, (size) => (size === 32 ? big : PNG_BLOB));
    await expect(normaliseIcon(PNG_BLOB, deps)).resolves.toBe(ONE_PIXEL_PNG);
    expect(sizes).toEqual([32, 16]);
  });
  it.each([
    ['a picture too big to be a favicon', 2000, 16],
    ['an empty picture', 0, 0],
  ])('refuses %s', async (_name, width, height) => {
    const { deps, close, sizes } = fakeCanvas(width, height, () => PNG_BLOB);
    await expect(normaliseIcon(PNG_BLOB, deps)).resolves.toBeUndefined();
    expect(sizes).toEqual([]);
    expect(close).toHaveBeenCalled();
  });
  it.each([
    ['a picture whose header claims 23,000 px (gigabytes decoded)', 23_000],
    ['a picture whose header claims 1,025 px', 1025],
  ])('refuses %s before decoding it', async (_name, side) => {
    const claiming = fromBase64(ONE_PIXEL_BASE64);
    new DataView(claiming.buffer).setUint32(16, side);
    new DataView(claiming.buffer).setUint32(20, side);
    const { deps, close } = fakeCanvas(1, 1, () => PNG_BLOB);
    const decode = vi.spyOn(deps, 'decode');
    await expect(normaliseIcon(new Blob([claiming]), deps)).resolves.toBeUndefined();
    expect(decode).not.toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
  });
  it('refuses a file that is no picture it can size, without decoding it', async () => {
    const { deps } = fakeCanvas(16, 16, () => PNG_BLOB);
    const decode = vi.spyOn(deps, 'decode');
    await expect(normaliseIcon(new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>']), deps)).resolves.toBeUndefined();
    expect(decode).not.toHaveBeenCalled();
  });
  it('refuses what the decoder cannot read', async () => {
    const deps: CanvasDeps = {
      decode: () => Promise.reject(new DOMException('not an image', 'InvalidStateError')),
      encode: vi.fn(),
    };
    await expect(normaliseIcon(PNG_BLOB, deps)).resolves.toBeUndefined();
    expect(deps.encode).not.toHaveBeenCalled();
  });
  it('refuses an encoder answer that is not a small PNG', async () => {
    const { deps } = fakeCanvas(16, 16, () => new Blob(['GIF89a']));
    await expect(normaliseIcon(PNG_BLOB, deps)).resolves.toBeUndefined();
  });
});
