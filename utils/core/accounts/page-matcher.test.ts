import { describe, expect, it } from 'vitest';
import { pageMatcher, pageNamesNeeded } from './page-matcher';
import { publicSuffixNames } from '../fill/site-of';

const entry = (issuer: string, sites?: string[]) => ({ account: { issuer }, sites });

describe('pageMatcher', () => {
  it.each([
    ['https://github.com/login', entry('Anything', ['github.com']), true, false],
    ['https://gist.github.com/', entry('Anything', ['github.com']), true, false],
    ['https://github.com/login', entry('GitHub'), false, true],
    ['https://gitlab.com/', entry('GitHub', ['github.com']), false, false],
    ['http://github.com/login', entry('Anything', ['github.com']), false, false],
    ['https://github.com/login', entry('Anything', ['https://github.com']), true, false],
    ['https://gist.github.com/', entry('Anything', ['https://github.com']), false, false],
    ['http://127.0.0.1:8080/', entry('Anything', ['http://127.0.0.1:8080']), true, false],
    ['chrome://extensions', entry('Chrome', ['chrome']), false, false],
    [undefined, entry('GitHub', ['github.com']), false, false],
  ])('%s: bound %#', (url, account, bound, named) => {
    const forPage = pageMatcher(url, publicSuffixNames);
    expect([forPage.bound(account), forPage.named(account)]).toEqual([bound, named]);
  });
});

describe('pageNamesNeeded: the lookups the popup waits for', () => {
  const accounts = [
    entry('GitHub', ['https://github.com']),
    entry('Google', ['google.com']),
    entry('google.com'),
    entry('Amazon.co.uk', ['127.0.0.1:8787']),
  ];
  it.each<[string | undefined, string[], string[]]>([
    // The common opening: nothing any binding or issuer could make different.
    ['https://github.com/login', [], []],
    ['https://example.org/', [], []],
    ['http://accounts.google.com/', [], ['google.com']], // a whole site covers https only; a name is a name
    ['chrome://newtab', [], []],
    [undefined, [], []],
    // A bare binding that may be the page's site, an issuer-domain that may name it.
    ['https://accounts.google.com/', ['accounts.google.com'], ['google.com']],
    ['https://google.com.evil.io/', [], ['google.com']],
    ['https://notgoogle.com/', [], []],
    ['https://www.amazon.co.uk/', [], ['Amazon.co.uk']],
    ['http://127.0.0.1:8787/', ['127.0.0.1'], []],
    ['http://127.0.0.1:9999/', [], []],
  ])('%s: hosts %j, issuers %j', (url, hosts, names) => {
    expect(pageNamesNeeded(url, accounts)).toEqual({ hosts, names });
  });
});
