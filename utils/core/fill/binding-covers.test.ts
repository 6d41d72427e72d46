import { describe, expect, it } from 'vitest';
import { bindingCovers, downgradedBinding, originOf, wholeSiteOf } from './binding-covers';
import { siteOf } from './site-of';

describe('bindingCovers', () => {
  it.each([
    // An exact origin: that scheme, host and port only.
    ['https://accounts.google.com', 'https://accounts.google.com/signin/totp', true],
    ['https://accounts.google.com', 'https://accounts.google.com:443/x', true],
    ['https://accounts.google.com', 'https://ACCOUNTS.Google.com/x', true],
    ['https://accounts.google.com', 'https://docs.google.com/forms/d/x', false],
    ['https://accounts.google.com', 'https://google.com/', false],
    ['https://accounts.google.com', 'http://accounts.google.com/', false],
    ['https://accounts.google.com', 'https://accounts.google.com:8443/', false],
    ['https://accounts.google.com', 'https://accounts.google.com.evil.net/', false],
    ['https://accounts.google.com', 'https://accounts.google.com./', false],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/login', true],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8081/login', false],
    ['http://127.0.0.1:8080', 'https://127.0.0.1:8080/login', false],
    ['http://localhost:3000', 'http://localhost:3000/', true],
    ['http://[::1]:8080', 'http://[::1]:8080/', true],
    // A bare registrable domain: the whole site, https only.
    ['google.com', 'https://accounts.google.com/', true],
    ['google.com', 'https://docs.google.com/forms', true],
    ['google.com', 'https://google.com:8443/', true],
    ['google.com', 'http://accounts.google.com/', false],
    ['google.com', 'https://google.com.evil.net/', false],
    ['google.com', 'https://notgoogle.com/', false],
    ['Google.COM', 'https://mail.google.com/', true],
    ['bbc.co.uk', 'https://www.bbc.co.uk/account', true],
    ['co.uk', 'https://www.bbc.co.uk/', false],
    ['alice.github.io', 'https://alice.github.io/app', true],
    ['github.io', 'https://alice.github.io/', false],
    // Legacy host entries (no registrable domain): that host and port; http only on loopback.
    ['127.0.0.1:8787', 'http://127.0.0.1:8787/login', true],
    ['127.0.0.1:8787', 'https://127.0.0.1:8787/login', true],
    ['127.0.0.1:8787', 'http://127.0.0.1:9999/login', false],
    ['localhost:3000', 'http://localhost:3000/', true],
    ['192.168.1.10:80', 'http://192.168.1.10/', false],
    ['192.168.1.10', 'https://192.168.1.10/', true],
    ['intranet', 'http://intranet/', false],
    ['intranet', 'https://intranet/', true],
    // Not web pages, not bindings.
    ['google.com', 'chrome://settings', false],
    ['google.com', undefined, false],
    ['https://', 'https://google.com/', false],
    ['', 'https://google.com/', false],
  ])('%s covers %s: %s', (binding, url, expected) => {
    expect(bindingCovers(binding, url, siteOf)).toBe(expected);
  });
});

describe('downgradedBinding', () => {
  it.each([
    [['https://accounts.google.com'], 'http://accounts.google.com/signin', 'https://accounts.google.com'],
    [['google.com'], 'http://mail.google.com/', 'google.com'],
    [['https://example.com:8443'], 'http://example.com:8443/', 'https://example.com:8443'],
    [['https://example.com'], 'http://example.com:8080/', undefined],
    [['https://accounts.google.com'], 'https://accounts.google.com/', undefined],
    [['https://accounts.google.com'], 'http://docs.google.com/', undefined],
    [['http://example.com'], 'http://example.com/', undefined],
    [['127.0.0.1:8787'], 'http://127.0.0.1:8787/', undefined],
    [['https://localhost:3000'], 'http://localhost:3000/', undefined],
    [[], 'http://example.com/', undefined],
  ])('%j on %s: %s', (bindings, url, expected) => {
    expect(downgradedBinding(bindings, url, siteOf)).toBe(expected);
  });
});

describe('originOf and wholeSiteOf', () => {
  it.each([
    ['https://accounts.google.com/x?y', 'https://accounts.google.com', 'google.com'],
    ['http://accounts.google.com/x', 'http://accounts.google.com', undefined],
    ['https://www.bbc.co.uk/', 'https://www.bbc.co.uk', 'bbc.co.uk'],
    ['https://127.0.0.1:8443/', 'https://127.0.0.1:8443', undefined],
    ['https://localhost/', 'https://localhost', undefined],
    ['https://intranet/', 'https://intranet', undefined],
    ['chrome://settings', undefined, undefined],
    ['nonsense', undefined, undefined],
  ])('%s: %s, %s', (url, origin, site) => {
    expect([originOf(url), wholeSiteOf(url, siteOf)]).toEqual([origin, site]);
  });
});
