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

describe('matchesQuery with #tags', () => {
  const work = { issuer: 'GitHub', label: 'alice', tags: ['Work', 'Side project'] };
  const home = { issuer: 'Gitea', label: 'bob', tags: ['home'] };
  const untagged = { issuer: 'GitLab', label: 'carol' };
  it.each([
    ['#work', [true, false, false]],
    ['#WORK', [true, false, false]],
    ['#home', [false, true, false]],
    ['#work git', [true, false, false]],
    ['git #work', [true, false, false]],
    ['#work gitea', [false, false, false]],
    ['#work #home', [false, false, false]],
    ['#side-project', [true, false, false]],
    ['#wor', [false, false, false]],
    ['#', [true, true, true]],
    ['# git', [true, true, true]],
    ['git', [true, true, true]],
    ['#nothing', [false, false, false]],
    ['work', [false, false, false]],
  ])('%j', (query, expected) => {
    expect([work, home, untagged].map((account) => matchesQuery(account, query))).toEqual(expected);
  });
  it('ignores accents in tags', () => {
    expect(matchesQuery({ issuer: 'Bank', label: '', tags: ['Privé'] }, '#prive')).toBe(true);
  });
});
