import { describe, expect, it } from 'vitest';
import { lookAlike } from './look-alike';

describe('lookAlike', () => {
  it.each([
    // The brand's own site, any page of it.
    ['GitHub', 'https://github.com/login', undefined],
    ['PayPal', 'https://www.paypal.com/signin', undefined],
    ['Google', 'https://accounts.google.com/', undefined],
    ['Air Canada', 'https://www.air-canada.com/', undefined],
    ['Air Canada', 'https://aircanada.com/', undefined],
    ['BBC', 'https://account.bbc.co.uk/', undefined],
    ['Example', 'http://accounts.example.com:8080/', undefined],
    // Another site that does not use the brand's name: nothing to judge (a friendly question).
    ['GitHub', 'https://gitlab.com/', undefined],
    ['Google', 'https://youtube.com/', undefined],
    // The brand's name only in a subdomain or inside another name.
    ['PayPal', 'https://paypal.com.secure-login.net/', 'brand-elsewhere'],
    ['GitHub', 'https://github.evil.com/', 'brand-elsewhere'],
    ['GitHub', 'https://login.github.evil.com/', 'brand-elsewhere'],
    ['PayPal', 'https://paypal-secure.com/', 'brand-elsewhere'],
    ['PayPal', 'https://secure-paypal.co.uk/', 'brand-elsewhere'],
    ['Example', 'http://example.com.login-check.test:8080/', 'brand-elsewhere'],
    // Private suffixes (anyone may publish there): the brand's name is never the site's own.
    ['GitHub', 'https://github-login.github.io/', 'brand-elsewhere'],
    ['PayPal', 'https://paypal.github.io/', 'brand-elsewhere'],
    ['PayPal', 'https://paypal.web.app/', 'brand-elsewhere'],
    ['Coinbase', 'https://coinbase.pages.dev/', 'brand-elsewhere'],
    ['GitHub', 'https://github.github.io/', 'brand-elsewhere'], // GitHub Pages: users' pages, not GitHub's
    ['GitHub', 'https://alice.github.io/', 'brand-elsewhere'],
    ['Amazon', 'https://login.s3.amazonaws.com/', 'brand-elsewhere'],
    ['PayPal', 'https://alice.github.io/', undefined], // a private suffix without the brand: nothing to judge
    ['App', 'https://alice.web.app/', undefined], // the ICANN suffix (app) of a private one is not the brand's
    // Issuers written as domains: the brand is the registrable domain's name.
    ['google.com', 'https://accounts.google.com/', undefined],
    ['Amazon.co.uk', 'https://www.amazon.co.uk/', undefined],
    ['npmjs.com', 'https://www.npmjs.com/login', undefined],
    ['google.com', 'https://google.com.evil.io/', 'brand-elsewhere'],
    ['npmjs.com', 'https://npmjs.com.login.net/', 'brand-elsewhere'],
    ['Amazon.co.uk', 'https://amazon.co.uk.signin.io/', 'brand-elsewhere'],
    ['google.com', 'https://g00gle.com/', 'look-alike'],
    ['Node.js', 'https://nodejs.org/', undefined], // not a known suffix: a name, not a domain
    // Spelled to look alike: digits for letters, rn for m, vv for w.
    ['GitHub', 'https://g1thub.com/', 'look-alike'],
    ['PayPal', 'https://paypa1.com/', 'look-alike'],
    ['PayPal', 'https://paypa1-login.com/', 'look-alike'],
    ['Microsoft', 'https://rnicrosoft.com/', 'look-alike'],
    ['Google', 'https://g00gle.com/', 'look-alike'],
    ['Twitter', 'https://tvvitter.com/', 'look-alike'],
    ['GitHub', 'https://github.corn/', undefined], // an unknown suffix is a site of its own name
    ['Example', 'http://examp1e.test:8080/', 'look-alike'],
    ['GitHub', 'https://secure.g1thub.io/', 'look-alike'],
    // Internationalised names (punycode): may imitate Latin letters.
    ['PayPal', 'https://xn--pypal-4ve.com/', 'punycode'],
    ['Apple', 'https://xn--80ak6aa92e.com/', 'punycode'],
    ['Apple', 'https://login.xn--80ak6aa92e.com/', 'punycode'],
    // Nothing to judge: no brand in the issuer, or no name in the address.
    ['', 'https://github.evil.com/', undefined],
    ['X', 'https://x.evil.com/', undefined],
    ['GitHub', 'http://127.0.0.1:8080/', undefined],
    ['GitHub', 'http://localhost:3000/', undefined],
    ['GitHub', 'not a url', undefined],
    ['GitHub', undefined, undefined],
  ])('%j on %s: %s', (issuer, url, expected) => {
    expect(lookAlike(issuer, url)).toBe(expected);
  });
});
