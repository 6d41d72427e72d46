/**
 * A favicon as Firefox hands it over (`tab.favIconUrl`, often a `data:` URL) or as the page gave
 * it (fill/page/icon-bytes.ts): parsed here, bounded, before any decoder sees it (RFC 2397).
 */
import { fromBase64 } from '../internal/bytes';

/** No favicon worth showing is larger; bigger input is refused before it is decoded. */
export const MAX_ICON_INPUT_BYTES = 64 * 1024;

/** Raster formats browsers decode for favicons; SVG is left out (a document, not a picture). */
const IMAGE_TYPES = new Set([
  'image/png',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'image/gif',
  'image/jpeg',
  'image/webp',
  'image/bmp',
]);

/**
 * The type and bytes of a base64 image `data:` URL, or undefined for anything else or anything
 * too big. Raster pictures come base64-encoded; a percent-encoded one is not taken.
 */
export function imageDataUrl(url: unknown): { type: string; bytes: Uint8Array<ArrayBuffer> } | undefined {
  if (typeof url !== 'string' || url.length > MAX_ICON_INPUT_BYTES * 2) return undefined;
  const match = /^data:([^;,]+)(?:;[^;,=]+=[^;,]*)*;base64,([A-Za-z0-9+/=\s]*)$/i.exec(url);
  if (!match) return undefined;
  const type = match[1]!.trim().toLowerCase();
  if (!IMAGE_TYPES.has(type)) return undefined;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64(match[2]!.replace(/\s+/g, ''));
  } catch {
    return undefined;
  }
  if (bytes.length === 0 || bytes.length > MAX_ICON_INPUT_BYTES) return undefined;
  return { type, bytes };
}
