import { describe, expect, it } from 'vitest';
import { matchesSite } from './matches-site';
import { publicSuffixNames } from './site-of';

describe('matchesSite', () => {
  it.each([
    ['GitHub', 'github.com', true],
    ['Google', 'accounts.google.com', true],
    ['Air Canada', 'www.air-canada.com', true],
    ['Air Canada', 'aircanada.com', true],
    ['GitHub', 'gitlab.com', false],
    ['Git', 'github.com', false],
    ['com', 'example.com', false],
    ['', 'example.com', false],
    ['Example', 'example', false],
    ['google.com', 'accounts.google.com', true],
    ['Amazon.co.uk', 'www.amazon.co.uk', true],
  ])('%j on %s: %s', (issuer, hostname, expected) => {
    expect(matchesSite(issuer, hostname, publicSuffixNames.icannLabel)).toBe(expected);
  });
});
