/**
 * Finds QR codes in raw RGBA pixels with jsQR, cheapest attempts first: the whole image (a large
 * screenshot at half size), then four overlapping quarters at full resolution (jsQR reads nothing
 * when it sees two codes at once, and a small code is clearer in a smaller picture), and inverted
 * colours only as a last try (inverted here: jsQR's own `onlyInvert` never binarises the inverted
 * image and throws). Codes found in tiles are painted over and the whole image read again, so a
 * page with several codes gives them all.
 */
import jsQR, { type QRCode } from 'jsqr';

/** RGBA pixels, row by row, as ImageData holds them. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Images smaller than this on both sides are not split into tiles. */
const TILE_ABOVE = 640;
/** Each tile's share of the image's width and height. */
const TILE_SHARE = 0.6;

export interface FindOptions {
  /** Search tiles when the whole image gives nothing (screenshots); off for a single image. */
  tiles?: boolean;
  /**
   * Try light-on-dark last [true]. Off for a whole-tab screenshot: the page's own pictures were
   * already read with it, and on a page with no code it is the dearest attempt of all.
   */
  invert?: boolean;
}

/** Above this width a screenshot is read at half size first: codes meant for phones are big. */
const HALVE_ABOVE = 1400;

/**
 * Every distinct QR text in the image, in the order found; empty when there is none.
 * With `tiles` (screenshots): a large image is read at half size first (a quarter of the work),
 * then in full-resolution tiles, then with inverted colours.
 */
export function findQrCodes(image: Pixels, { tiles = false, invert = true }: FindOptions = {}): string[] {
  const found = new Set<string>();
  const overview = tiles && image.width > HALVE_ABOVE ? halve(image) : image;
  if (!decodeOnce(overview, found) && tiles && Math.max(image.width, image.height) > TILE_ABOVE) {
    // Codes found in a tile are painted over in the whole image, which is then read again: the
    // code jsQR could not read beside them may be readable alone.
    let rest = image;
    for (const { tile, left, top } of tilesOf(image))
      decodeOnce(tile, found, (code) => (rest = masked(rest, code, left, top)));
    if (found.size > 0) decodeOnce(rest, found);
  }
  if (found.size === 0 && invert) decodeOnce(inverted(overview), found);
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

/** Light modules on dark: a copy with every colour channel inverted. */
export function inverted(image: Pixels): Pixels {
  const data = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = 255 - image.data[i]!;
    data[i + 1] = 255 - image.data[i + 1]!;
    data[i + 2] = 255 - image.data[i + 2]!;
    data[i + 3] = 255;
  }
  return { data, width: image.width, height: image.height };
}

/**
 * One reading of the image; returns whether it found a code. Not repeated after a find: jsQR
 * reads nothing at all where it sees two codes, so a code read whole was alone (tiles handle
 * pages with several).
 */
function decodeOnce(image: Pixels, found: Set<string>, onFound?: (code: QRCode) => void): boolean {
  const code = readOne(image);
  if (!code) return false;
  found.add(code.data);
  onFound?.(code);
  return true;
}

/**
 * One jsQR attempt. jsQR's locator throws a TypeError on some noisy images (an unmatched finder
 * pattern); that means "no code here", not a failure of the scan.
 */
function readOne(pixels: Pixels): QRCode | null {
  try {
    return jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'dontInvert' });
  } catch {
    return null;
  }
}

/**
 * A copy with the found code's area painted white, so the next attempt looks elsewhere; `dx`,
 * `dy` place a code found in a tile on the image the tile was cut from.
 */
function masked(image: Pixels, code: QRCode, dx = 0, dy = 0): Pixels {
  const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = code.location;
  const xs = [topLeftCorner.x, topRightCorner.x, bottomLeftCorner.x, bottomRightCorner.x].map((x) => x + dx);
  const ys = [topLeftCorner.y, topRightCorner.y, bottomLeftCorner.y, bottomRightCorner.y].map((y) => y + dy);
  const margin = (Math.max(...xs) - Math.min(...xs)) / 10;
  const [left, right] = [
    Math.max(0, Math.floor(Math.min(...xs) - margin)),
    Math.min(image.width, Math.ceil(Math.max(...xs) + margin)),
  ];
  const [top, bottom] = [
    Math.max(0, Math.floor(Math.min(...ys) - margin)),
    Math.min(image.height, Math.ceil(Math.max(...ys) + margin)),
  ];
  const data = new Uint8ClampedArray(image.data);
  for (let y = top; y < bottom; y++) data.fill(255, (y * image.width + left) * 4, (y * image.width + right) * 4);
  return { data, width: image.width, height: image.height };
}

/**
 * Four overlapping quarters, each 60% of the width and of the height: jsQR reads no code at all
 * when it sees two, and a code up to a fifth of the image wide that a middle line cuts is still
 * whole in one of them.
 */
export function* tilesOf(image: Pixels): Generator<{ tile: Pixels; left: number; top: number }> {
  const width = Math.ceil(image.width * TILE_SHARE);
  const height = Math.ceil(image.height * TILE_SHARE);
  for (const top of [0, image.height - height]) {
    for (const left of [0, image.width - width]) yield { tile: crop(image, left, top, width, height), left, top };
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
