import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../internal/bytes';
import { checkSiteIcon, MAX_ICON_BYTES, shownIcon, smallPng } from './site-icon';
import { faviconPage, faviconUrl } from './favicon-page';
import { siteOf } from '../fill/site-of';

/** A 1×1 PNG (a common minimal test image; its IHDR says 1×1). */
const ONE_PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PNG = `data:image/png;base64,${ONE_PIXEL}`;

/** The same PNG with IHDR's width and height changed (the CRC is not checked: the browser decodes). */
function sized(width: number, height: number): string {
  const bytes = fromBase64(ONE_PIXEL);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return `data:image/png;base64,${toBase64(bytes)}`;
}

describe('smallPng', () => {
  it.each([
    ['a 1×1 PNG', PNG, true],
    ['32×32', sized(32, 32), true],
    ['33×32: larger than the normaliser writes', sized(33, 32), false],
    ['0×1', sized(0, 1), false],
    ['a GIF', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', false],
    ['an SVG', 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>', false],
    ['a PNG type over other bytes', 'data:image/png;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAAC', false],
    ['not base64', 'data:image/png;base64,iVBOR w0KG', false],
    ['a web address', 'https://github.com/favicon.ico', false],
    ['too big', `data:image/png;base64,${ONE_PIXEL.slice(0, -2)}${'A'.repeat(MAX_ICON_BYTES * 2)}`, false],
    ['a number', 42, false],
  ])('%s', (_name, url, ok) => {
    expect(smallPng(url) !== undefined).toBe(ok);
  });
});

describe('checkSiteIcon', () => {
  it.each([
    [{ origin: 'https://github.com', png: PNG }, true],
    [{ origin: 'http://127.0.0.1:8080', png: PNG }, true],
    [{ origin: 'https://github.com/', png: PNG }, false],
    [{ origin: 'https://github.com/login', png: PNG }, false],
    [{ origin: 'javascript:alert(1)', png: PNG }, false],
    [{ origin: 'https://github.com', png: 'data:image/png;base64,AAAA' }, false],
    [{ origin: 'https://github.com' }, false],
    [null, false],
    ['https://github.com', false],
  ])('%j', (value, ok) => {
    expect(checkSiteIcon(value) !== undefined).toBe(ok);
  });
});

describe('shownIcon', () => {
  const icon = { origin: 'https://github.com', png: PNG };
  it.each([
    ['bound to that origin', { icon, sites: ['https://github.com'] }, PNG],
    ['bound to its whole site', { icon, sites: ['github.com'] }, PNG],
    ['bound to another origin only', { icon, sites: ['https://evil.example'] }, undefined],
    ['bound to another origin of the same site', { icon, sites: ['https://gist.github.com'] }, undefined],
    ['no longer bound anywhere', { icon, sites: [] }, undefined],
    ['never bound', { icon }, undefined],
    [
      'an http icon for an https binding',
      { icon: { ...icon, origin: 'http://github.com' }, sites: ['github.com'] },
      undefined,
    ],
    ['a damaged icon', { icon: { ...icon, png: 'data:image/png;base64,AAAA' }, sites: ['github.com'] }, undefined],
    ['none', { sites: ['github.com'] }, undefined],
  ])('%s', (_name, entry, shown) => {
    expect(shownIcon(entry, siteOf)).toBe(shown);
  });
});

describe('faviconPage', () => {
  it.each([
    [['https://github.com'], 'https://github.com/'],
    [['http://127.0.0.1:8080', 'github.com'], 'http://127.0.0.1:8080/'],
    [['google.com'], 'https://google.com/'],
    [[], undefined],
    [undefined, undefined],
  ])('%j → %s', (sites, page) => {
    expect(faviconPage(sites)).toBe(page);
  });
  it('builds the _favicon address with the page URL encoded', () => {
    expect(faviconUrl('chrome-extension://abc', 'https://github.com/')).toBe(
      'chrome-extension://abc/_favicon/?pageUrl=https%3A%2F%2Fgithub.com%2F&size=32',
    );
  });
});
