import { describe, expect, it } from 'vitest';
import { addNoise, blank, clutter, paintQr, qrPixels, qrSize } from '../../../tests/qr-pixels';
import { crop, findQrCodes, halve, tilesOf } from './qr-decode';

const URI = 'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';

describe('findQrCodes', () => {
  it.each([1, 2, 5, 10, 20, 30, 40])('reads version %i', (minVersion) => {
    const scale = minVersion > 20 ? 2 : 3;
    const image = qrPixels({ text: URI, minVersion, scale });
    expect(qrSize({ text: URI, minVersion }).modules).toBe(
      Math.max(17 + 4 * minVersion, qrSize({ text: URI }).modules),
    );
    expect(findQrCodes(image)).toEqual([URI]);
  });

  it.each([1, 2, 4, 8])('reads a code at %i px per module', (scale) => {
    expect(findQrCodes(qrPixels({ text: URI, scale }))).toEqual([URI]);
  });

  it.each([4, 2, 1])('reads a code with a %i-module quiet zone', (quiet) => {
    expect(findQrCodes(qrPixels({ text: URI, quiet, scale: 4 }))).toEqual([URI]);
  });

  it.each([
    ['grey jitter of ±80', { jitter: 80 }],
    ['0.5% speckles', { speckles: 0.005 }],
    ['both, milder', { jitter: 40, speckles: 0.002 }],
  ])('reads through noise: %s', (_, noise) => {
    for (const seed of [1, 2, 3])
      expect(findQrCodes(addNoise(qrPixels({ text: URI, scale: 5 }), noise, seed))).toEqual([URI]);
  });

  it('reads light-on-dark codes, trying inverted colours last unless told not to', () => {
    expect(findQrCodes(qrPixels({ text: URI, scale: 4, invert: true }))).toEqual([URI]);
    expect(findQrCodes(qrPixels({ text: URI, scale: 4, invert: true }), { invert: false })).toEqual([]);
  });

  it('finds a 160 px code in a cluttered 2560x1600 screenshot, read at half size', () => {
    const scale = Math.floor((160 / qrSize({ text: URI }).pixels) * 4);
    const screen = clutter(blank(2560, 1600), 4000);
    paintQr(screen, { text: URI, scale, left: 1900, top: 1150 });
    expect(findQrCodes(screen, { tiles: true })).toEqual([URI]);
  });

  it('reads two codes that jsQR cannot read together, one per tile', () => {
    const screen = blank(1280, 800);
    paintQr(screen, { text: URI, scale: 4, left: 40, top: 40 });
    paintQr(screen, { text: 'otpauth://totp/Second?secret=GEZDGNBVGY3TQOJQ', scale: 4, left: 700, top: 300 });
    expect(findQrCodes(screen)).toEqual([]);
    expect(findQrCodes(screen, { tiles: true }).sort()).toEqual(
      [URI, 'otpauth://totp/Second?secret=GEZDGNBVGY3TQOJQ'].sort(),
    );
  });

  it('finds a code too small to read at half size in full-resolution tiles', () => {
    const screen = clutter(blank(2560, 1600), 4000);
    paintQr(screen, { text: URI, scale: 1, left: 1900, top: 1150 });
    expect(findQrCodes(halve(screen))).toEqual([]);
    expect(findQrCodes(screen, { tiles: true })).toEqual([URI]);
  });

  it('lists every code of a picture that jsQR reads one at a time', () => {
    const screen = blank(900, 300);
    paintQr(screen, { text: URI, scale: 3, left: 10, top: 10 });
    paintQr(screen, { text: 'otpauth://totp/Second?secret=GEZDGNBVGY3TQOJQ', scale: 3, left: 600, top: 40 });
    expect(findQrCodes(screen, { tiles: true }).sort()).toEqual(
      [URI, 'otpauth://totp/Second?secret=GEZDGNBVGY3TQOJQ'].sort(),
    );
  });

  it('finds nothing where there is no code', () => {
    expect(findQrCodes(clutter(blank(1280, 800), 3000), { tiles: true })).toEqual([]);
    expect(findQrCodes(addNoise(blank(300, 300), { speckles: 0.5 }))).toEqual([]);
  });
});

describe('tilesOf', () => {
  it('gives four overlapping quarters, each 60% of each side, covering every pixel', () => {
    const image = blank(1500, 700);
    const tiles = [...tilesOf(image)];
    expect(tiles.map(({ tile, left, top }) => [left, top, tile.width, tile.height])).toEqual([
      [0, 0, 900, 420],
      [600, 0, 900, 420],
      [0, 280, 900, 420],
      [600, 280, 900, 420],
    ]);
    const covered = new Uint8Array(1500 * 700);
    for (const left of [0, 600])
      for (const top of [0, 280])
        for (let y = top; y < top + 420; y++) covered.fill(1, y * 1500 + left, y * 1500 + left + 900);
    expect(covered.every((pixel) => pixel === 1)).toBe(true);
  });

  it('halves by averaging each 2x2 block', () => {
    const image = blank(4, 2, 0);
    image.data.set([200, 200, 200, 200], 0);
    image.data.set([100, 100, 100, 100], 4 * 4);
    expect([...halve(image).data]).toEqual([75, 75, 75, 75, 0, 0, 0, 0]);
  });

  it('crops exactly the requested rectangle', () => {
    const image = blank(4, 3);
    image.data.set([1, 2, 3, 4], (1 * 4 + 2) * 4);
    expect([...crop(image, 2, 1, 2, 2).data.subarray(0, 4)]).toEqual([1, 2, 3, 4]);
  });
});
