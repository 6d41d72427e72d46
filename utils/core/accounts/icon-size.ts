/**
 * The largest side any picture in a favicon file claims, read from headers before a decoder sees
 * the file: a 64 KB PNG can claim 23,000 x 23,000 pixels, 2 GB decoded, and a page chooses its
 * own favicon. The raster formats are those `imageSize` reads (PNG, GIF, JPEG, WebP, BMP); an ICO
 * file is a directory of images (ICONDIR, ICONDIRENTRY: 6 and 16 bytes), each a PNG, whose own
 * IHDR counts (the directory's one-byte sizes are not what a decoder trusts), or a headerless
 * BMP (BITMAPINFOHEADER; its height counts the AND mask too, so it is halved).
 * @see https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10) (Icons)
 */
import { imageSize } from '../scan/image-size';

/** Undefined when the file is no picture we can size, or an ICO entry lies outside the file. */
export function iconSize(bytes: Uint8Array): number | undefined {
  const sized = imageSize(bytes);
  if (sized) return Math.max(sized.width, sized.height);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 6 || view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== 1) return undefined;
  const count = view.getUint16(4, true);
  if (count === 0 || bytes.length < 6 + 16 * count) return undefined;
  let largest = 0;
  for (let entry = 0; entry < count; entry++) {
    const at = 6 + 16 * entry;
    const length = view.getUint32(at + 8, true);
    const offset = view.getUint32(at + 12, true);
    if (length === 0 || offset + length > bytes.length) return undefined;
    const image = bytes.subarray(offset, offset + length);
    const png = imageSize(image);
    if (png) {
      if (png.format !== 'png') return undefined; // an ICO holds PNGs or bare BMPs, nothing else
      largest = Math.max(largest, png.width, png.height);
      continue;
    }
    if (image.length < 40 || new DataView(image.buffer, image.byteOffset).getUint32(0, true) < 40) return undefined;
    const bitmap = new DataView(image.buffer, image.byteOffset, image.byteLength);
    const width = Math.abs(bitmap.getInt32(4, true));
    const height = Math.abs(bitmap.getInt32(8, true)) / 2;
    largest = Math.max(largest, width, Math.ceil(height));
  }
  return largest;
}
