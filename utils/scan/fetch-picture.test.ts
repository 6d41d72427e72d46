/**
 * Each bound on a picture fetched from another site (issue 15, "Fetched pictures are bounded"):
 * scheme, credentials, bytes (declared and streamed), time, and pixels read from the header.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import de from '../../public/_locales/de/messages.json';
import { checkedPicture, fetchPicture, PICTURE_LIMITS, skippedNotes } from './fetch-picture';

const MB5 = PICTURE_LIMITS.bytes;

/** A PNG header claiming `width` x `height` (PNG spec 11.2.2), padded to `length` bytes. */
function png(width: number, height: number, length = 33): Uint8Array {
  const bytes = new Uint8Array(Math.max(length, 33));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

/**
 * A GIF89a whose screen is 1 x 1 and whose first image descriptor (GIF89a spec, section 20) is
 * `width` x `height`: browsers decode it at the frame's size. `cut` drops the descriptor.
 */
function gif(width: number, height: number, cut = false): Uint8Array {
  const header = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0];
  const frame = [0x2c, 0, 0, 0, 0, width & 0xff, width >>> 8, height & 0xff, height >>> 8, 0, 2, 0, 0x3b];
  return Uint8Array.from(cut ? header : [...header, ...frame]);
}

/** A body in chunks of `chunk` bytes, counting how many bytes were pulled from it. */
function streamed(bytes: Uint8Array, chunk = 64 * 1024) {
  const pulled = { bytes: 0, cancelled: false };
  let at = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        const part = bytes.subarray(at, at + chunk);
        at += part.length;
        pulled.bytes += part.length;
        controller.enqueue(part);
      },
      cancel() {
        pulled.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled };
}

const answer = (
  body: BodyInit | ReadableStream<Uint8Array> | null,
  headers: Record<string, string> = {},
  status = 200,
) => vi.fn(async (_url: string, _init: RequestInit) => new Response(body as BodyInit, { status, headers }));

describe('fetchPicture', () => {
  it('asks without credentials or referrer, with an abort signal', async () => {
    const fetcher = answer(png(37, 23) as BodyInit, { 'content-type': 'image/png' });
    const picture = await fetchPicture('https://cdn.example/qr.png', fetcher);
    expect(picture).toMatchObject({ status: 'read' });
    expect(fetcher).toHaveBeenCalledWith(
      'https://cdn.example/qr.png',
      expect.objectContaining({ credentials: 'omit', referrerPolicy: 'no-referrer', signal: expect.any(AbortSignal) }),
    );
  });

  it.each([
    'file:///etc/passwd',
    'ftp://example.com/qr.png',
    'chrome-extension://abc/qr.png',
    'javascript:1',
    'nonsense',
  ])('fetches only http(s): %s is not fetched', async (url) => {
    const fetcher = answer(png(37, 23) as BodyInit);
    expect(await fetchPicture(url, fetcher)).toEqual({ status: 'failed' });
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('reads a picture of exactly 5 MB', async () => {
    const { body } = streamed(png(37, 23, MB5));
    const picture = await fetchPicture('https://cdn.example/qr.png', answer(body));
    expect(picture.status === 'read' && picture.blob.size).toBe(MB5);
  });

  it('skips a picture whose Content-Length is over 5 MB without reading its body', async () => {
    const { body, pulled } = streamed(png(37, 23, MB5 + 1));
    const fetcher = answer(body, { 'content-length': String(MB5 + 1) });
    expect(await fetchPicture('https://cdn.example/qr.png', fetcher)).toEqual({ status: 'skipped', why: 'bytes' });
    expect(pulled.bytes).toBe(0);
  });

  it('stops reading a body that grows past 5 MB without saying its length', async () => {
    const { body, pulled } = streamed(png(37, 23, 50 * 1024 * 1024));
    expect(await fetchPicture('https://cdn.example/qr.png', answer(body))).toEqual({ status: 'skipped', why: 'bytes' });
    expect(pulled.bytes).toBeLessThanOrEqual(MB5 + 64 * 1024);
    expect(pulled.cancelled).toBe(true);
  });

  it('gives up after 5 s on a server that never answers, or stalls in the body', async () => {
    vi.useFakeTimers();
    try {
      const silent = vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise<Response>((_, reject) =>
            init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
          ),
      );
      const first = fetchPicture('https://slow.example/qr.png', silent);
      await vi.advanceTimersByTimeAsync(PICTURE_LIMITS.ms - 1);
      let settled = false;
      void first.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await first).toEqual({ status: 'skipped', why: 'time' });

      // Headers at once, then one chunk and silence: the same 5 s covers reading the body.
      const stalling = vi.fn(async (_url: string, init: RequestInit) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(png(37, 23));
            init.signal!.addEventListener('abort', () => controller.error(init.signal!.reason));
          },
        });
        return new Response(body);
      });
      const second = fetchPicture('https://slow.example/qr.png', stalling);
      await vi.advanceTimersByTimeAsync(PICTURE_LIMITS.ms);
      expect(await second).toEqual({ status: 'skipped', why: 'time' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('treats an error answer or a network failure as unread, not skipped', async () => {
    expect(await fetchPicture('https://cdn.example/x.png', answer('nope', {}, 404))).toEqual({ status: 'failed' });
    const broken = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await fetchPicture('https://cdn.example/x.png', broken)).toEqual({ status: 'failed' });
  });

  it.each<[string, Uint8Array, string]>([
    ['4096 x 4096 (16 megapixels) is read', png(4096, 4096), 'read'],
    ['16,777,216 x 1 is read', png(4096 * 4096, 1), 'read'],
    ['4097 x 4096 is skipped', png(4097, 4096), 'skipped'],
    ['100,000 x 100,000 is skipped', png(100_000, 100_000), 'skipped'],
    ['a GIF with a 1 x 1 screen and a 23,000 x 23,000 first frame is skipped', gif(23_000, 23_000), 'skipped'],
    ['a GIF with a 1 x 1 screen and a 37 x 23 first frame is read', gif(37, 23), 'read'],
    ['a GIF cut before its first frame', gif(23_000, 23_000, true), 'failed'],
    [
      'no header Tessera can measure (SVG)',
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'failed',
    ],
  ])('measures the header before decoding: %s', async (_, bytes, status) => {
    const picture = await fetchPicture('https://cdn.example/qr.png', answer(bytes as BodyInit));
    expect(picture.status).toBe(status);
    if (status === 'skipped') expect(picture).toEqual({ status: 'skipped', why: 'pixels' });
    expect(checkedPicture(bytes, 'image/png').status).toBe(status);
  });
});

describe('skippedNotes', () => {
  it.each([
    ['en', en],
    ['de', de],
  ] as const)('says in %s how many pictures were skipped and why, one line each', (_, messages) => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, substitutions) =>
      (messages as Record<string, { message: string }>)[key]!.message.replace('$1', String(substitutions?.[0])),
    );
    const notes = skippedNotes(['pixels', 'time', 'pixels', 'bytes']);
    expect(notes).toEqual([
      messages.scanSkippedPixels_other.message.replace('$1', '2'),
      messages.scanSkippedBytes_one.message.replace('$1', '1'),
      messages.scanSkippedTime_one.message.replace('$1', '1'),
    ]);
    expect(skippedNotes([])).toEqual([]);
  });

  it('reads, in English, as the issue asks', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, substitutions) =>
      (en as Record<string, { message: string }>)[key]!.message.replace('$1', String(substitutions?.[0])),
    );
    expect(skippedNotes(['pixels'])).toEqual(['1 picture skipped: larger than 16 megapixels.']);
    expect(skippedNotes(['bytes', 'bytes'])).toEqual(['2 pictures skipped: larger than 5 MB.']);
  });
});
