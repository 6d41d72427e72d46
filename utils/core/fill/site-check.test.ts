import { describe, expect, it } from 'vitest';
import { lookAlike } from './look-alike';
import { checkSite, type SiteWarning } from './site-check';
import { siteOf } from './site-of';

/** tldts itself, as the helper's site chunk answers. */
const lookups = { siteOf, lookAlike: async (issuer: string, pageUrl: string) => lookAlike(issuer, pageUrl) };

describe('checkSite', () => {
  it.each<[string, string[], string, true | SiteWarning | undefined]>([
    // Covered: the code goes unasked.
    ['Google', ['https://accounts.google.com'], 'https://accounts.google.com/signin', true],
    ['Google', ['google.com'], 'https://docs.google.com/forms/x', true],
    ['Anything', ['http://127.0.0.1:8080'], 'http://127.0.0.1:8080/login', true],
    // Bound, but not here: a warning, each with its reason.
    ['Google', ['https://accounts.google.com'], 'https://docs.google.com/forms/x', 'other-origin'],
    ['Google', ['https://accounts.google.com'], 'https://google.com/', 'other-origin'],
    ['Google', ['https://accounts.google.com'], 'http://accounts.google.com/', 'insecure'],
    ['Google', ['google.com'], 'http://accounts.google.com/', 'insecure'],
    ['GitHub', ['https://github.com'], 'https://github.evil.com/', 'elsewhere'],
    ['GitHub', ['github.com'], 'https://gitlab.com/', 'elsewhere'],
    // Unbound: a binding never comes from the issuer; the friendly question unless the address misuses the brand.
    ['GitHub', [], 'https://github.com/login', undefined],
    ['GitHub', [], 'https://gitlab.com/', undefined],
    ['', [], 'https://github.evil.com/', undefined],
    ['GitHub', [], 'https://github.evil.com/', 'brand-elsewhere'],
    ['PayPal', [], 'https://paypal.com.secure-login.net/', 'brand-elsewhere'],
    ['GitHub', [], 'https://g1thub.com/', 'look-alike'],
    ['PayPal', [], 'https://xn--pypal-4ve.com/', 'punycode'],
    ['PayPal', [], 'https://paypal.github.io/', 'brand-elsewhere'],
    ['google.com', [], 'https://google.com.evil.io/', 'brand-elsewhere'],
    ['google.com', [], 'https://accounts.google.com/', undefined],
    // Unbound on a plain http page: a code sent there can be read on the way. Loopback is trustworthy.
    ['GitHub', [], 'http://github.com/login', 'insecure-page'],
    ['Example', [], 'http://accounts.example.com:8080/', 'insecure-page'],
    ['', [], 'http://10.0.0.1/', 'insecure-page'],
    ['GitHub', [], 'http://g1thub.com/', 'look-alike'], // the address's reason first
    ['GitHub', [], 'http://127.0.0.1:8080/', undefined],
    ['GitHub', [], 'http://localhost:3000/', undefined],
    ['GitHub', [], 'http://app.localhost:3000/', undefined],
    ['GitHub', [], 'http://[::1]:3000/', undefined],
    // Bound elsewhere, the binding's reason stays.
    ['GitHub', ['https://github.com'], 'http://gitlab.com/', 'elsewhere'],
  ])('%j bound to %j on %s: %s', async (issuer, sites, pageUrl, expected) => {
    const check = await checkSite({ sites, issuer, pageUrl }, lookups);
    expect(check.covered ? true : check.warning).toBe(expected);
  });

  it('names the origin to remember, and the whole site only where it may be offered', async () => {
    expect(await checkSite({ sites: [], issuer: 'Google', pageUrl: 'https://accounts.google.com/x' }, lookups)).toEqual(
      {
        covered: false,
        origin: 'https://accounts.google.com',
        site: 'google.com',
        wholeSite: 'google.com',
        bound: [],
      },
    );
    expect(
      await checkSite({ sites: ['a.com'], issuer: 'Google', pageUrl: 'http://accounts.google.com/x' }, lookups),
    ).toEqual({
      covered: false,
      origin: 'http://accounts.google.com',
      site: 'google.com',
      bound: ['a.com'],
      warning: 'elsewhere',
    });
    expect(await checkSite({ sites: [], issuer: 'Google', pageUrl: 'http://accounts.google.com/x' }, lookups)).toEqual({
      covered: false,
      origin: 'http://accounts.google.com',
      site: 'google.com',
      bound: [],
      warning: 'insecure-page',
    });
    expect(await checkSite({ sites: [], issuer: '', pageUrl: 'https://127.0.0.1:8443/' }, lookups)).toEqual({
      covered: false,
      origin: 'https://127.0.0.1:8443',
      site: '127.0.0.1:8443',
      bound: [],
    });
  });

  it('refuses what is not a web page', async () => {
    await expect(checkSite({ sites: [], issuer: '', pageUrl: 'chrome://settings' }, lookups)).rejects.toThrow(
      TypeError,
    );
  });
});
