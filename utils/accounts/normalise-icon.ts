/**
 * Turns a favicon's untrusted bytes (any raster format, any size) into the small PNG the vault
 * keeps (core/accounts/site-icon.ts): decoded by the browser's image decoder
 * (createImageBitmap, which rejects what is not a picture), drawn at 32 px (16 px if that is too
 * big) on an OffscreenCanvas, and encoded afresh, so nothing of the original file is stored.
 */
import { iconSize } from '../core/accounts/icon-size';
import { MAX_ICON_BYTES, MAX_ICON_SIDE, smallPng } from '../core/accounts/site-icon';
import { toBase64 } from '../core/internal/bytes';

/**
 * Larger pictures are not favicons. Refused by their headers before decoding (a page picks its
 * own favicon, and a small file can claim gigabytes of pixels), and again by the decoded size.
 */
const MAX_SOURCE_SIDE = 1024;

export interface CanvasDeps {
  decode: (blob: Blob) => Promise<{ width: number; height: number; close(): void }>;
  /** Draws the picture into a size × size square and returns it as PNG. */
  encode: (picture: unknown, size: number) => Promise<Blob>;
}

const browserCanvas: CanvasDeps = {
  decode: (blob) => createImageBitmap(blob),
  async encode(picture, size) {
    const canvas = new OffscreenCanvas(size, size);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas.');
    context.imageSmoothingQuality = 'high';
    context.drawImage(picture as ImageBitmap, 0, 0, size, size);
    return canvas.convertToBlob({ type: 'image/png' });
  },
};

/** A `data:image/png;base64,` URL of at most MAX_ICON_BYTES, or undefined when `blob` is no usable picture. */
export async function normaliseIcon(blob: Blob, deps: CanvasDeps = browserCanvas): Promise<string | undefined> {
  let picture: Awaited<ReturnType<CanvasDeps['decode']>>;
  const side = iconSize(new Uint8Array(await blob.arrayBuffer()));
  if (side === undefined || side > MAX_SOURCE_SIDE) return undefined;
  try {
    picture = await deps.decode(blob);
  } catch {
    return undefined; // not a picture the browser can decode
  }
  try {
    const { width, height } = picture;
    if (width < 1 || height < 1 || width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE) return undefined;
    for (const size of [MAX_ICON_SIDE, MAX_ICON_SIDE / 2]) {
      const png = await deps.encode(picture, size);
      if (png.size > MAX_ICON_BYTES) continue;
      const url = `data:image/png;base64,${toBase64(new Uint8Array(await png.arrayBuffer()))}`;
      if (smallPng(url)) return url;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    picture.close();
  }
}
