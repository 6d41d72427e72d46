import { describe, expect, it } from 'vitest';
import { pageMatcher } from './page-matcher';
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
