/**
 * Fetches a picture from another site for the scanner, within bounds: a page names the address,
 * so the server may be hostile. Only http(s), without cookies or other credentials, at most 5 MB
 * (refused from Content-Length, else the read stops there), at most 5 s for the whole answer, and
 * at most 16 megapixels as its header states (core/scan/image-size.ts), checked before anything
 * decodes it: a 1 KB PNG may claim 100,000 x 100,000 pixels. A picture beyond a bound is skipped,
 * and the scan result says so (skippedNotes).
 */
import { imageSize } from '../core/scan/image-size';
import { plural } from '../i18n/plural';

export const PICTURE_LIMITS = {
  bytes: 5 * 1024 * 1024,
  ms: 5_000,
  /** 16 megapixels: 4096 x 4096, far more than a QR code needs. */
  pixels: 4096 * 4096,
};

/** Why a picture was skipped: too many bytes, too slow, or too many pixels. */
export type PictureSkip = 'bytes' | 'time' | 'pixels';

export type FetchedPicture =
  | { status: 'read'; blob: Blob }
  | { status: 'skipped'; why: PictureSkip }
  /** Not http(s), an error answer, a network failure, or not a picture whose size can be read. */
  | { status: 'failed' };

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The picture at an http(s) address, or why not; a data: URL's bytes go to checkedPicture. */
export async function fetchPicture(
  url: string,
  fetcher: Fetch = (input, init) => fetch(input, init),
  limits = PICTURE_LIMITS,
): Promise<FetchedPicture> {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return { status: 'failed' };
  }
  if (protocol !== 'http:' && protocol !== 'https:') return { status: 'failed' };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.ms);
  try {
    const response = await fetcher(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    if (!response.ok || !response.body) {
      void response.body?.cancel().catch(() => undefined);
      return { status: 'failed' };
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > limits.bytes) {
      void response.body.cancel().catch(() => undefined);
      return { status: 'skipped', why: 'bytes' };
    }
    const bytes = await readAtMost(response.body, limits.bytes);
    if (!bytes) return { status: 'skipped', why: 'bytes' };
    return checkedPicture(bytes, response.headers.get('content-type') ?? '', limits);
  } catch {
    return controller.signal.aborted ? { status: 'skipped', why: 'time' } : { status: 'failed' };
  } finally {
    clearTimeout(timer);
  }
}

/** A picture's bytes, skipped when its header claims more pixels than the limit, failed when it has none. */
export function checkedPicture(bytes: Uint8Array, type: string, limits = PICTURE_LIMITS): FetchedPicture {
  const size = imageSize(bytes);
  if (!size) return { status: 'failed' };
  if (size.width * size.height > limits.pixels) return { status: 'skipped', why: 'pixels' };
  return { status: 'read', blob: new Blob([new Uint8Array(bytes)], { type }) };
}

/** The whole body, or undefined as soon as it grows past `max` bytes (the rest is never read). */
async function readAtMost(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** One line per reason, in the scan result: "1 picture skipped: larger than 16 megapixels." */
export function skippedNotes(skipped: PictureSkip[]): string[] {
  const count = (why: PictureSkip) => skipped.filter((reason) => reason === why).length;
  const notes: string[] = [];
  if (count('pixels')) notes.push(plural('scanSkippedPixels', count('pixels')));
  if (count('bytes')) notes.push(plural('scanSkippedBytes', count('bytes')));
  if (count('time')) notes.push(plural('scanSkippedTime', count('time')));
  return notes;
}
