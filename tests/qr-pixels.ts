/**
 * Paints QR codes into raw RGBA pixels for decoder tests: any version, scale, quiet zone, colours,
 * noise and position on a larger canvas. Encoding is uqr's; this only paints modules.
 */
import { encode } from 'uqr';
import type { Pixels } from '../utils/core/scan/qr-decode';
import { prng } from './prng';

export interface Placement {
  text: string;
  /** Pixels per module [4]. */
  scale?: number;
  /** Modules of blank margin [4]. */
  quiet?: number;
  /** Smallest QR version (1 = 21 modules, 40 = 177) [1]. */
  minVersion?: number;
  /** Light modules on a dark background. */
  invert?: boolean;
  left?: number;
  top?: number;
}

export function blank(width: number, height: number, grey = 255): Pixels {
  const data = new Uint8ClampedArray(width * height * 4).fill(grey);
  return { data, width, height };
}

/** The symbol's size in pixels, quiet zone included. */
export function qrSize({ text, scale = 4, quiet = 4, minVersion = 1 }: Placement): { modules: number; pixels: number } {
  const { size } = encode(text, { ecc: 'M', border: 0, minVersion });
  return { modules: size, pixels: (size + 2 * quiet) * scale };
}

/** Paints one code onto `image` (in place) and returns it. */
export function paintQr(image: Pixels, placement: Placement): Pixels {
  const { text, scale = 4, quiet = 4, minVersion = 1, invert = false, left = 0, top = 0 } = placement;
  const { data: modules, size } = encode(text, { ecc: 'M', border: quiet, minVersion });
  for (let y = 0; y < size * scale; y++) {
    for (let x = 0; x < size * scale; x++) {
      const dark = modules[Math.floor(y / scale)]![Math.floor(x / scale)] !== invert;
      const i = ((top + y) * image.width + left + x) * 4;
      image.data.fill(dark ? 20 : 240, i, i + 3);
    }
  }
  return image;
}

export function qrPixels(placement: Placement): Pixels {
  const { pixels } = qrSize(placement);
  return paintQr(blank(pixels, pixels), placement);
}

/**
 * Camera and compression dirt: every pixel moved up to `jitter` grey levels either way, and
 * `speckles` of them (a share) set to a random grey.
 */
export function addNoise(
  image: Pixels,
  { jitter = 0, speckles = 0 }: { jitter?: number; speckles?: number },
  seed = 1,
): Pixels {
  const next = prng(seed);
  for (let i = 0; i < image.width * image.height; i++) {
    const grey =
      next() < speckles ? Math.floor(next() * 256) : image.data[i * 4]! + Math.round((next() * 2 - 1) * jitter);
    image.data.fill(grey, i * 4, i * 4 + 3);
  }
  return image;
}

/** Busy page-like clutter: random grey blocks, as text and pictures around a code. */
export function clutter(image: Pixels, blocks: number, seed = 2): Pixels {
  const next = prng(seed);
  for (let n = 0; n < blocks; n++) {
    const [w, h] = [4 + Math.floor(next() * 60), 4 + Math.floor(next() * 14)];
    const [left, top] = [Math.floor(next() * (image.width - w)), Math.floor(next() * (image.height - h))];
    const grey = Math.floor(next() * 200);
    for (let y = top; y < top + h; y++)
      image.data.fill(grey, (y * image.width + left) * 4, (y * image.width + left + w) * 4);
  }
  for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
  return image;
}
