/**
 * Finds QR codes in raw RGBA pixels with jsQR, cheapest attempts first: the whole image without
 * trying inverted colours, then overlapping tiles (a 160 px code in a 2560 px screenshot is too
 * small for the locator to pick out of everything else), and inverted colours only as a last try
 * (as `attemptBoth`: jsQR's `onlyInvert` throws on some light-on-dark images that it reads fine).
 * A found code is painted over and the image searched again, so a page with several codes gives
 * them all.
 */
import jsQR, { type QRCode } from 'jsqr';

/** RGBA pixels, row by row, as ImageData holds them. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Side of a square tile, and how far apart tiles start (half a tile: every code up to half a tile fits whole in one). */
const TILE = 640;
const STRIDE = TILE / 2;
/** More codes than this on one page is not an enrolment page; stop looking. */
const MAX_CODES = 12;

export interface FindOptions {
  /** Search tiles when the whole image gives nothing (screenshots); off for a single image. */
  tiles?: boolean;
}

/** Above this width a screenshot is read at half size first: codes meant for phones are big. */
const HALVE_ABOVE = 1400;

/**
 * Every distinct QR text in the image, in the order found; empty when there is none.
 * With `tiles` (screenshots): a large image is read at half size first (a quarter of the work),
 * then in full-resolution tiles, then with inverted colours.
 */
export function findQrCodes(image: Pixels, { tiles = false }: FindOptions = {}): string[] {
  const found = new Set<string>();
  const overview = tiles && image.width > HALVE_ABOVE ? halve(image) : image;
  if (!decodeAll(overview, 'dontInvert', found) && tiles && (image.width > TILE || image.height > TILE)) {
    for (const tile of tilesOf(image)) decodeAll(tile, 'dontInvert', found);
  }
  if (found.size === 0) decodeAll(overview, 'attemptBoth', found);
  return [...found];
}

/** Half the width and height, each pixel the average of four. */
export function halve(image: Pixels): Pixels {
  const width = Math.floor(image.width / 2);
  const height = Math.floor(image.height / 2);
  const data = new Uint8ClampedArray(width * height * 4);
  const source = image.data;
  const row = image.width * 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = y * 2 * row + x * 8;
      const to = (y * width + x) * 4;
      for (let channel = 0; channel < 4; channel++) {
        const at = from + channel;
        data[to + channel] = (source[at]! + source[at + 4]! + source[at + row]! + source[at + row + 4]! + 2) >> 2;
      }
    }
  }
  return { data, width, height };
}

/** Decodes, masks, decodes again, until nothing more is found; returns whether anything was. */
function decodeAll(image: Pixels, inversionAttempts: 'dontInvert' | 'attemptBoth', found: Set<string>): boolean {
  let pixels = image;
  let any = false;
  for (let i = 0; i < MAX_CODES; i++) {
    const code = readOne(pixels, inversionAttempts);
    if (!code) break;
    any = true;
    found.add(code.data);
    pixels = masked(pixels, code);
  }
  return any;
}

/**
 * One jsQR attempt. jsQR's locator throws a TypeError on some noisy images (an unmatched finder
 * pattern); that means "no code here", not a failure of the scan.
 */
function readOne(pixels: Pixels, inversionAttempts: 'dontInvert' | 'attemptBoth'): QRCode | null {
  try {
    return jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts });
  } catch {
    return null;
  }
}

/** A copy with the found code's area painted white, so the next attempt looks elsewhere. */
function masked(image: Pixels, code: QRCode): Pixels {
  const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = code.location;
  const xs = [topLeftCorner.x, topRightCorner.x, bottomLeftCorner.x, bottomRightCorner.x];
  const ys = [topLeftCorner.y, topRightCorner.y, bottomLeftCorner.y, bottomRightCorner.y];
  const margin = (Math.max(...xs) - Math.min(...xs)) / 10;
  const [left, right] = [Math.max(0, Math.floor(Math.min(...xs) - margin)), Math.min(image.width, Math.ceil(Math.max(...xs) + margin))];
  const [top, bottom] = [Math.max(0, Math.floor(Math.min(...ys) - margin)), Math.min(image.height, Math.ceil(Math.max(...ys) + margin))];
  const data = new Uint8ClampedArray(image.data);
  for (let y = top; y < bottom; y++) data.fill(255, (y * image.width + left) * 4, (y * image.width + right) * 4);
  return { data, width: image.width, height: image.height };
}

/** Overlapping TILE-sized crops covering the whole image, the last row and column flush with its edges. */
export function* tilesOf(image: Pixels): Generator<Pixels> {
  const starts = (size: number) => {
    if (size <= TILE) return [0];
    const list: number[] = [];
    for (let at = 0; at + TILE < size; at += STRIDE) list.push(at);
    list.push(size - TILE);
    return list;
  };
  for (const top of starts(image.height)) {
    for (const left of starts(image.width)) yield crop(image, left, top, Math.min(TILE, image.width), Math.min(TILE, image.height));
  }
}

export function crop(image: Pixels, left: number, top: number, width: number, height: number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * image.width + left) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { data, width, height };
}
