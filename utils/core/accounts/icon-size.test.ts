import { describe, expect, it } from 'vitest';
import { ONE_PIXEL_BASE64 } from '../../../tests/icon-fixtures';
import { iconSize } from './icon-size';

const onePixel = () => new Uint8Array(Buffer.from(ONE_PIXEL_BASE64, 'base64'));

/** The same PNG claiming `side` x `side` in its IHDR (the CRC is not checked by a size reader). */
function pngClaiming(side: number): Uint8Array {
  const png = onePixel();
  const view = new DataView(png.buffer);
  view.setUint32(16, side);
  view.setUint32(20, side);
  return png;
}

/** An ICO directory over `images` (each a PNG, or a bare BMP's BITMAPINFOHEADER and bits). */
function ico(images: Uint8Array[], { count = images.length, shiftOffset = 0 } = {}): Uint8Array {
  const header = new Uint8Array(6 + 16 * images.length);
  const view = new DataView(header.buffer);
  view.setUint16(2, 1, true);
  view.setUint16(4, count, true);
  let offset = header.length;
  images.forEach((image, i) => {
    view.setUint32(6 + 16 * i + 8, image.length, true);
    view.setUint32(6 + 16 * i + 12, offset + shiftOffset, true);
    offset += image.length;
  });
  return new Uint8Array(Buffer.concat([header, ...images]));
}

/** A BITMAPINFOHEADER for a `width` x `height` icon (height doubled for the AND mask). */
function dib(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(40 + 16);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 40, true);
  view.setInt32(4, width, true);
  view.setInt32(8, height * 2, true);
  return bytes;
}

describe('iconSize', () => {
  it.each([
    ['a 1×1 PNG', onePixel(), 1],
    ['a PNG claiming 23,000 px', pngClaiming(23_000), 23_000],
    ['an ICO holding a 1×1 PNG', ico([onePixel()]), 1],
    ['an ICO whose second PNG claims 23,000 px', ico([onePixel(), pngClaiming(23_000)]), 23_000],
    ['an ICO holding a 32×32 BMP', ico([dib(32, 32)]), 32],
    ['an ICO holding a BMP claiming 40,000 px', ico([dib(40_000, 16)]), 40_000],
    ['an ICO with no entry', ico([], { count: 0 }), undefined],
    ['an ICO claiming more entries than it has', ico([onePixel()], { count: 3 }), undefined],
    ['an ICO entry beyond the file', ico([onePixel()], { shiftOffset: 100 }), undefined],
    [
      'an ICO entry that is a GIF',
      ico([new Uint8Array(Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'))]),
      undefined,
    ],
    ['an ICO entry too short for a bitmap header', ico([new Uint8Array(12)]), undefined],
    ['text', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), undefined],
    ['nothing', new Uint8Array(0), undefined],
  ])('%s', (_name, bytes, side) => {
    expect(iconSize(bytes)).toBe(side);
  });
});
