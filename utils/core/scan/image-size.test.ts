/**
 * Known answers for the header reader. The first three pictures are Chromium's own encoders'
 * output for a 37 x 23 canvas (HTMLCanvasElement.toDataURL as image/png, image/jpeg at 0.9 and
 * image/webp at 0.8, which writes VP8X with an ICC profile), made once with playwright-core and
 * stored here; the rest are headers built from the formats' specifications (cited in
 * image-size.ts), including the huge sizes a hostile server could claim.
 */
import { describe, expect, it } from 'vitest';
import { imageSize } from './image-size';

const base64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

const CHROMIUM_PNG = base64(
  'iVBORw0KGgoAAAANSUhEUgAAACUAAAAXCAYAAACMLIalAAAAYUlEQVR4AeyUMQoAMAgDjf//c9tFt9ZMYiGCOKgkHKKvgeE2MNIU' +
    'AAPu2ek9TXWKVloyVRGKvkgFiaqKVEUo+knqPHZ7ZSx01DTVIcZqyJRIsQTYOd2USLEE2Dnd1NekNgAAAP//1oAi/AAAAAZJREFU' +
    'AwAqAaubUgFh7QAAAABJRU5ErkJggg==',
);
const CHROMIUM_JPEG = base64(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABh' +
    'Y3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB' +
    'UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAA' +
    'AAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9Y' +
    'WVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM' +
    'ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYI' +
    'DAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQU' +
    'FBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAXACUDASIAAhEBAxEB/8QAFwABAQEBAAAAAAAAAAAAAAAAAAYH' +
    'CP/EACIQAAAFAgcBAAAAAAAAAAAAAAABAgMGBBEFBwgTFBUhIv/EABQBAQAAAAAAAAAAAAAAAAAAAAD/xAAUEQEAAAAAAAAAAAAA' +
    'AAAAAAAA/9oADAMBAAIRAxEAPwCT1669c9sltWM5hsNnPTRvDeDxKLqKB/b3KCndX9usKWd1uLP1R2vYvCIh3/oKzSk+dOk6DTKZ' +
    'Yn3MkxLncut47TG5t19Q0j4aSlBWQ2gvEle1z9MzDNLQVkTnTO8TmUyg3cyTEtrl1vb17G5ttIaR8NPpQVkNoLxJXtc/TMxquVuV' +
    'sYyWgmGQ2G4Z00bw3d4lFyHX9vcdW6v7dUpZ3W4s/VHa9i8IiAVYAAAAAAAAAAAAAAAA/9k=',
);
const CHROMIUM_WEBP = base64(
  'UklGRjgCAABXRUJQVlA4WAoAAAAwAAAAJAAAFgAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABh' +
    'Y3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAAB' +
    'UAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAA' +
    'AAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9Y' +
    'WVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAM' +
    'ZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZBTFBIGgAAAAEPMIAREUJR20ZMB3/G994HIKL/E4Bk' +
    'eMuDVlA4ICgAAADwAgCdASolABcAPm02l0ikIyIhJWgAgA2JaQAAKUNt8AD++5zAAAAA',
);

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));
const u16le = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u16be = (n: number) => [(n >>> 8) & 0xff, n & 0xff];
const u24le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff];
const u32le = (n: number) => [...u16le(n & 0xffff), ...u16le(n >>> 16)];
const u32be = (n: number) => [...u16be(n >>> 16), ...u16be(n & 0xffff)];

const png = (width: number, height: number) =>
  bytes('\x89PNG\r\n\x1a\n', u32be(13), 'IHDR', u32be(width), u32be(height), [8, 6, 0, 0, 0], u32be(0));
/**
 * A GIF89a: the screen with a 2-entry global colour table, any extension blocks, then the first
 * image descriptor (by default filling the screen) and a minimal image: LZW size, one empty block.
 */
const gif = (width: number, height: number, { frame = [0, 0, width, height], before = [] as number[][] } = {}) =>
  bytes(
    'GIF89a',
    u16le(width),
    u16le(height),
    [0x80, 0, 0],
    [0, 0, 0, 0xff, 0xff, 0xff],
    ...before,
    [0x2c, ...frame.flatMap(u16le), 0],
    [2, 0, 0x3b],
  );
/** A graphic control extension (section 23) and a NETSCAPE2.0 looping application extension (26). */
const GIF_CONTROL = [0x21, 0xf9, 4, 0, 0, 0, 0, 0];
const GIF_LOOP = [0x21, 0xff, 11, ...[...'NETSCAPE2.0'].map((c) => c.charCodeAt(0)), 3, 1, 0, 0, 0];
/** A comment extension (section 24) of two sub-blocks, the first 255 bytes long. */
const GIF_COMMENT = [0x21, 0xfe, 255, ...new Array<number>(255).fill(0x41), 2, 0x68, 0x69, 0];
/** SOI, an APP0 segment to walk past, then a baseline (SOF0) or progressive (SOF2) frame. */
const jpeg = (width: number, height: number, sof = 0xc0) =>
  bytes(
    [0xff, 0xd8, 0xff, 0xe0],
    u16be(16),
    'JFIF\0',
    new Array(9).fill(0),
    [0xff, sof],
    u16be(17),
    [8],
    u16be(height),
    u16be(width),
    [3],
  );
const riff = (chunk: string, body: number[]) =>
  bytes('RIFF', u32le(4 + 8 + body.length), 'WEBP', chunk, u32le(body.length), body);
const webpVp8x = (width: number, height: number) =>
  riff('VP8X', [0x10, 0, 0, 0, ...u24le(width - 1), ...u24le(height - 1)]);
/** VP8L: signature 0x2f, then 14 bits of width - 1, 14 of height - 1, alpha and version bits. */
const webpVp8l = (width: number, height: number) =>
  riff('VP8L', [0x2f, ...u32le((width - 1) | ((height - 1) << 14)), 0, 0]);
/** VP8 key frame: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height. */
const webpVp8 = (width: number, height: number) =>
  riff('VP8 ', [0x50, 0x02, 0x00, 0x9d, 0x01, 0x2a, ...u16le(width), ...u16le(height), 0, 0]);
const bmp = (width: number, height: number) =>
  bytes('BM', u32le(0), u32le(0), u32le(54), u32le(40), u32le(width), u32le(height >>> 0), u16le(1), u16le(24));

describe('imageSize', () => {
  it.each<[string, Uint8Array, ReturnType<typeof imageSize>]>([
    ['Chromium PNG', CHROMIUM_PNG, { format: 'png', width: 37, height: 23 }],
    ['Chromium JPEG', CHROMIUM_JPEG, { format: 'jpeg', width: 37, height: 23 }],
    ['Chromium WebP (VP8X)', CHROMIUM_WEBP, { format: 'webp', width: 37, height: 23 }],
    ['PNG 100,000 x 100,000', png(100_000, 100_000), { format: 'png', width: 100_000, height: 100_000 }],
    ['PNG 2^31 - 1 wide', png(2 ** 31 - 1, 1), { format: 'png', width: 2 ** 31 - 1, height: 1 }],
    ['GIF 37 x 23', gif(37, 23), { format: 'gif', width: 37, height: 23 }],
    ['GIF 65,535 x 65,535', gif(65_535, 65_535), { format: 'gif', width: 65_535, height: 65_535 }],
    // Browsers grow the canvas to the first frame: this one decodes to 23,000 x 23,000, not 1 x 1.
    [
      'GIF 1 x 1 screen, first frame 23,000 x 23,000',
      gif(1, 1, { frame: [0, 0, 23_000, 23_000] }),
      { format: 'gif', width: 23_000, height: 23_000 },
    ],
    [
      'GIF first frame off the screen',
      gif(37, 23, { frame: [60_000, 10, 5_000, 20] }),
      { format: 'gif', width: 65_000, height: 30 },
    ],
    [
      'GIF first frame inside the screen',
      gif(37, 23, { frame: [5, 5, 10, 10] }),
      { format: 'gif', width: 37, height: 23 },
    ],
    [
      'GIF extensions before a huge first frame',
      gif(1, 1, { frame: [0, 0, 20_000, 20_000], before: [GIF_LOOP, GIF_COMMENT, GIF_CONTROL] }),
      { format: 'gif', width: 20_000, height: 20_000 },
    ],
    [
      'GIF87a without a colour table',
      bytes('GIF87a', u16le(37), u16le(23), [0, 0, 0], [0x2c, ...[0, 0, 37, 23].flatMap(u16le), 0]),
      { format: 'gif', width: 37, height: 23 },
    ],
    ['GIF cut in its colour table', gif(1, 1).subarray(0, 16), undefined],
    ['GIF cut in an extension', gif(1, 1, { before: [GIF_COMMENT] }).subarray(0, 100), undefined],
    ['GIF cut in its image descriptor', gif(1, 1, { frame: [0, 0, 23_000, 23_000] }).subarray(0, 24), undefined],
    ['GIF with only the screen descriptor', gif(1, 1).subarray(0, 13), undefined],
    ['GIF with no image before its trailer', bytes('GIF89a', u16le(1), u16le(1), [0, 0, 0], [0x3b]), undefined],
    ['JPEG baseline 37 x 23', jpeg(37, 23), { format: 'jpeg', width: 37, height: 23 }],
    ['JPEG progressive 65,500 x 65,500', jpeg(65_500, 65_500, 0xc2), { format: 'jpeg', width: 65_500, height: 65_500 }],
    ['WebP VP8X 16,384 x 16,384', webpVp8x(16_384, 16_384), { format: 'webp', width: 16_384, height: 16_384 }],
    ['WebP VP8L 37 x 23', webpVp8l(37, 23), { format: 'webp', width: 37, height: 23 }],
    ['WebP VP8L 16,384 x 16,384', webpVp8l(16_384, 16_384), { format: 'webp', width: 16_384, height: 16_384 }],
    ['WebP VP8 37 x 23', webpVp8(37, 23), { format: 'webp', width: 37, height: 23 }],
    ['BMP 37 x 23', bmp(37, 23), { format: 'bmp', width: 37, height: 23 }],
    ['BMP top-down 37 x -23', bmp(37, -23), { format: 'bmp', width: 37, height: 23 }],
    ['PNG cut short', png(37, 23).subarray(0, 20), undefined],
    ['JPEG without a frame', bytes([0xff, 0xd8, 0xff, 0xd9]), undefined],
    ['JPEG whose segment runs past the end', jpeg(37, 23).subarray(0, 24), undefined],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'), undefined],
    ['nothing', new Uint8Array(), undefined],
  ])('%s', (_, picture, size) => {
    expect(imageSize(picture)).toEqual(size);
  });
});
