/**
 * A picture's width and height read from its first bytes, before anything decodes it: a 1 KB PNG
 * can claim 100,000 x 100,000 pixels, and decoding it would ask for 40 GB. Only the header is read
 * (the formats' own size fields), so a fetched picture can be refused without decoding.
 * - PNG: the IHDR chunk, first after the signature (RFC 2083 / PNG spec, section 11.2.2).
 * - GIF: the logical screen descriptor after "GIF87a"/"GIF89a" (GIF89a spec, section 18), grown
 *   to hold the first image descriptor (section 20), reached past the global colour table (19)
 *   and any extension blocks with their data sub-blocks (15, 23-26). Browsers' decoders grow the
 *   canvas to fit a first frame larger than the screen, so a 1 x 1 screen may decode to 23,000 x
 *   23,000 pixels; a GIF whose first frame cannot be reached has no size we can trust.
 *   https://www.w3.org/Graphics/GIF/spec-gif89a.txt
 * - JPEG: the first start-of-frame marker (SOF0-SOF15 but DHT, JPG and DAC), walked to segment
 *   by segment (ITU T.81, annex B.2).
 * - WebP: the VP8, VP8L or VP8X chunk of the RIFF container (RFC 9649, sections 2.5-2.7).
 * - BMP: the BITMAPINFOHEADER after the 14-byte file header (height may be negative: top-down).
 */
export interface ImageSize {
  format: 'png' | 'gif' | 'jpeg' | 'webp' | 'bmp';
  width: number;
  height: number;
}

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/** The size a picture's header states; undefined when it is none of these formats or cut short. */
export function imageSize(bytes: Uint8Array): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (length: number) => bytes.length >= length;
  if (has(24) && ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n' && ascii(bytes, 12, 4) === 'IHDR')
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  if (has(13) && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return gifSize(bytes, view);
  if (has(4) && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes, view);
  if (has(16) && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webpSize(bytes, view);
  if (has(26) && ascii(bytes, 0, 2) === 'BM') {
    const header = view.getUint32(14, true);
    if (header === 12) return { format: 'bmp', width: view.getUint16(18, true), height: view.getUint16(20, true) };
    if (header < 40) return undefined;
    return { format: 'bmp', width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
  }
  return undefined;
}

/** Start-of-frame markers: C0-CF but C4 (DHT), C8 (JPG) and CC (DAC). */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(bytes: Uint8Array, view: DataView): ImageSize | undefined {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    // Fill bytes, and the markers that stand alone (TEM, RSTn) have no length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // the end, or the data, before any frame
    const length = view.getUint16(at + 2);
    if (length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return undefined;
      return { format: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

/** Block introducers (GIF89a spec, appendix A): an extension, an image descriptor, the trailer. */
const GIF_EXTENSION = 0x21;
const GIF_IMAGE = 0x2c;

function gifSize(bytes: Uint8Array, view: DataView): ImageSize | undefined {
  const screenWidth = view.getUint16(6, true);
  const screenHeight = view.getUint16(8, true);
  const packed = bytes[10]!;
  // The global colour table: 3 bytes for each of 2^(size + 1) entries, when its flag is set.
  let at = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  while (at < bytes.length) {
    const introducer = bytes[at]!;
    if (introducer === GIF_IMAGE) {
      if (at + 9 > bytes.length) return undefined;
      const [left, top, width, height] = [1, 3, 5, 7].map((offset) => view.getUint16(at + offset, true)) as [
        number,
        number,
        number,
        number,
      ];
      return {
        format: 'gif',
        width: Math.max(screenWidth, left + width),
        height: Math.max(screenHeight, top + height),
      };
    }
    if (introducer !== GIF_EXTENSION) return undefined; // the trailer, or not a GIF block at all
    // The introducer and label, then data sub-blocks, each its length then its bytes, up to a 0.
    at += 2;
    while (at < bytes.length && bytes[at] !== 0) at += 1 + bytes[at]!;
    if (at >= bytes.length) return undefined;
    at += 1;
  }
  return undefined;
}

function webpSize(bytes: Uint8Array, view: DataView): ImageSize | undefined {
  const chunk = ascii(bytes, 12, 4);
  const u24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
  if (chunk === 'VP8X' && bytes.length >= 30) return { format: 'webp', width: 1 + u24(24), height: 1 + u24(27) };
  if (chunk === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
    const bits = view.getUint32(21, true);
    return { format: 'webp', width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  // A key frame: its start code 9d 01 2a, then 14-bit width and height.
  if (chunk === 'VP8 ' && bytes.length >= 30 && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a)
    return { format: 'webp', width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  return undefined;
}
