import { describe, expect, it } from 'vitest';
import { matchesQuery } from './matches-query';

const github = { issuer: 'GitHub', label: 'alice@example.com' };

describe('matchesQuery', () => {
  it.each([
    ['', true],
    ['git', true],
    ['GITHUB', true],
    ['alice', true],
    ['gith ali', true],
    ['ali gith', true],
    ['example.com', true],
    ['gitlab', false],
    ['git bob', false],
  ])('%j: %s', (query, expected) => {
    expect(matchesQuery(github, query)).toBe(expected);
  });
  it('ignores accents', () => {
    expect(matchesQuery({ issuer: 'Société Générale', label: '' }, 'societe gen')).toBe(true);
    expect(matchesQuery({ issuer: 'Societe', label: '' }, 'société')).toBe(true);
  });
});
