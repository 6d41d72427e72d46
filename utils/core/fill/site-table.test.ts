import { describe, expect, it } from 'vitest';
import { hostnameOf, siteTable } from './site-table';
import { registrableDomainOf, siteOf } from './site-of';

const URLS = [
  'https://accounts.google.com/x',
  'https://Example.COM:8443/x',
  'https://example.com./',
  'https://bucket.s3.amazonaws.com/',
  'https://alice.github.io/',
  'https://github.io/',
  'https://x.blogspot.co.uk/',
  'https://xn--bcher-kva.de/',
  'http://127.0.0.1:8787/login',
  'http://[::1]:8080/',
  'http://localhost:3000/',
  'http://intranet/',
  'chrome://settings',
  'file:///tmp/x.html',
  'not a url',
  undefined,
];

describe('siteTable', () => {
  it.each(URLS.map((url) => [url]))('reads the site of %s as tldts gives it', (url) => {
    const host = hostnameOf(url);
    const table = new Map(host === undefined ? [] : [[host, registrableDomainOf(host)]]);
    expect(siteTable(table)(url)).toBe(siteOf(url));
  });

  it('throws for a host it was not given, rather than guess', () => {
    expect(() => siteTable(new Map())('https://github.com/')).toThrow('The site of github.com was not looked up.');
    expect(siteTable(new Map())('chrome://settings')).toBeUndefined();
  });
});

describe('hostnameOf', () => {
  it.each([
    ['https://Accounts.Google.com:8443/x', 'accounts.google.com'],
    ['http://[::1]:8080/', '[::1]'],
    ['https://example.com./', 'example.com.'],
    ['https://xn--bcher-kva.de/', 'xn--bcher-kva.de'],
    ['https://bücher.de/', 'xn--bcher-kva.de'],
    ['chrome://settings', undefined],
    [undefined, undefined],
  ])('%s: %s', (url, host) => {
    expect(hostnameOf(url)).toBe(host);
  });
});
