import { describe, expect, it } from 'vitest';
import { pageOrigin, shortOrigin } from './page-origin';

describe('pageOrigin', () => {
  it.each([
    ['https://github.com/settings/2fa?x=1#y', 'https://github.com'],
    ['https://accounts.google.com/', 'https://accounts.google.com'],
    ['http://127.0.0.1:8080/totp', 'http://127.0.0.1:8080'],
    ['https://EXAMPLE.com:443/a', 'https://example.com'],
    ['file:///home/me/qr.html', undefined],
    ['chrome://version/', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%s is %s', (url, origin) => {
    expect(pageOrigin(url)).toBe(origin);
  });
});

describe('shortOrigin', () => {
  it.each([
    ['https://github.com', 'github.com'],
    ['https://accounts.google.com', 'accounts.google.com'],
    ['https://example.com:8443', 'https://example.com:8443'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://example.com', 'http://example.com'],
  ])('%s shows as %s', (origin, shown) => {
    expect(shortOrigin(origin)).toBe(shown);
  });
});
