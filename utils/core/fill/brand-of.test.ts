import { describe, expect, it } from 'vitest';
import { brandCandidates, brandOf, labelTable } from './brand-of';
import { nameToCheck } from './matches-site';
import { publicSuffixNames } from './site-of';

describe('brandOf', () => {
  it.each([
    ['GitHub', 'github'],
    ['Air Canada', 'aircanada'],
    ['google.com', 'google'],
    [' Amazon.co.uk ', 'amazon'],
    ['Node.js', 'nodejs'],
    ['alice.github.io', 'github'], // the ICANN suffix only: github.io is a private one
    ['X', undefined],
    ['', undefined],
  ])('%j: %s', (issuer, brand) => {
    expect(brandOf(issuer, publicSuffixNames.icannLabel)).toBe(brand);
    expect(brand === undefined || brandCandidates(issuer).includes(brand) || !issuer.includes('.')).toBe(true);
  });

  it('asks the suffix list only about issuers written as domains', () => {
    const none = labelTable(new Map());
    expect(brandOf('Air Canada', none)).toBe('aircanada');
    expect(() => brandOf('google.com', none)).toThrow('The public suffix of google.com was not looked up.');
  });
});

describe('nameToCheck', () => {
  it.each([
    ['google.com', 'accounts.google.com', 'google.com'],
    [' Amazon.co.uk ', 'www.amazon.co.uk', 'Amazon.co.uk'],
    ['Node.js', 'nodejs.org', 'Node.js'],
    ['google.com', 'github.com', undefined],
    ['GitHub', 'github.com', undefined], // not a domain: no lookup
    ['co.uk', 'www.bbc.co.uk', undefined], // no label of the host but the last is a candidate of 3+ letters
  ])('%j on %s: %s', (issuer, hostname, name) => {
    expect(nameToCheck(issuer, hostname)).toBe(name);
  });
});
