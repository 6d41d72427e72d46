import { describe, expect, it } from 'vitest';
import { ONE_PIXEL_BASE64 } from '../../../tests/icon-fixtures';
import { imageDataUrl, MAX_ICON_INPUT_BYTES } from './icon-data-url';

describe('imageDataUrl', () => {
  it.each([
    ['a PNG', `data:image/png;base64,${ONE_PIXEL_BASE64}`, 'image/png'],
    ['an ICO, any case', `DATA:Image/X-Icon;base64,AAABAAEAEBA=`, 'image/x-icon'],
    ['with a parameter', `data:image/gif;charset=binary;base64,R0lGODlhAQABAAAAACw=`, 'image/gif'],
    [
      'line breaks in the base64',
      `data:image/png;base64,${ONE_PIXEL_BASE64.slice(0, 20)}\n${ONE_PIXEL_BASE64.slice(20)}`,
      'image/png',
    ],
    ['an SVG (a document, not a picture)', 'data:image/svg+xml;base64,PHN2Zy8+', undefined],
    ['percent-encoded', 'data:image/png,%89PNG', undefined],
    ['HTML', 'data:text/html;base64,PGgxPg==', undefined],
    ['not base64', 'data:image/png;base64,!!!', undefined],
    ['empty', 'data:image/png;base64,', undefined],
    ['a web address', 'https://github.com/favicon.ico', undefined],
    ['too big', `data:image/png;base64,${'AAAA'.repeat(Math.ceil(MAX_ICON_INPUT_BYTES / 3) + 1)}`, undefined],
    ['nothing', null, undefined],
  ])('%s', (_name, url, type) => {
    expect(imageDataUrl(url)?.type).toBe(type);
  });
  it('gives the bytes', () => {
    expect([...imageDataUrl(`data:image/png;base64,${ONE_PIXEL_BASE64}`)!.bytes.subarray(0, 4)]).toEqual([
      0x89, 0x50, 0x4e, 0x47,
    ]);
  });
});
