/**
 * Turns a picture (a screenshot, a fetched image, a file the user chose) into RGBA pixels in the
 * helper's Worker (utils/helper/scan-tasks.ts), where there is no DOM: createImageBitmap and an
 * OffscreenCanvas. dataUrlBlob also serves the service worker, which checks a picture's size first.
 */
import type { Pixels } from '../core/scan/qr-decode';
import { ServiceError } from '../core/internal/service-error';

/** Larger pictures are scaled down to this on their longer side; QR codes do not need more. */
const MAX_SIDE = 4096;

export async function imagePixels(blob: Blob): Promise<Pixels> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new ServiceError(
      'invalid-input',
      'That file is not a picture Tessera can read (PNG, JPEG, GIF, WebP, BMP or SVG).',
    );
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const [width, height] = [
    Math.max(1, Math.round(bitmap.width * scale)),
    Math.max(1, Math.round(bitmap.height * scale)),
  ];
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  // Transparent pixels would read as black: QR codes drawn on transparency need a light ground.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return { data: context.getImageData(0, 0, width, height).data, width, height };
}

/** A data: URL (a screenshot, a file read in the popup) as a Blob, without fetch's network path. */
export function dataUrlBlob(dataUrl: string): Blob {
  const match = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!match) throw new ServiceError('invalid-input', 'That is not a picture.');
  const [, type, base64, body] = match;
  const text = base64 ? atob(body!) : decodeURIComponent(body!);
  // A plain loop: Uint8Array.from with a mapping function is several times slower on a screenshot.
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return new Blob([bytes], { type: type || 'application/octet-stream' });
}
