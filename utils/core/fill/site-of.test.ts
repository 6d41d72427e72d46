import { describe, expect, it } from 'vitest';
import { siteOf } from './site-of';

describe('siteOf', () => {
  it.each([
    ['https://github.com/login', 'github.com'],
    ['https://accounts.google.com/signin/v2/challenge/totp', 'google.com'],
    ['https://mail.google.com/', 'google.com'],
    ['https://login.microsoftonline.com/common', 'microsoftonline.com'],
    ['https://signin.aws.amazon.com/', 'amazon.com'],
    ['https://www.bbc.co.uk/account', 'bbc.co.uk'],
    ['https://alice.github.io/app', 'alice.github.io'],
    ['https://bob.github.io/app', 'bob.github.io'],
    ['https://Example.COM:8443/x', 'example.com'],
    ['http://127.0.0.1:8787/login', '127.0.0.1:8787'],
    ['http://127.0.0.1:9999/login', '127.0.0.1:9999'],
    ['http://localhost:3000/', 'localhost:3000'],
    ['http://[::1]:8080/', '[::1]:8080'],
    ['http://intranet/', 'intranet'],
    ['chrome://settings', undefined],
    ['file:///tmp/x.html', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%s -> %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});
