import { describe, expect, it } from 'vitest';
import { pageMatcher, pageNamesNeeded } from '../accounts/page-matcher';
import { iconHostsToCheck, shownIcon } from '../accounts/site-icon';
import { brandOf } from './brand-of';
import { lookAlike } from './look-alike';
import { checkSite, siteCheckHosts } from './site-check';
import { siteNames, type NamesNeeded, type SiteNames } from './site-names';
import { icannLabelOf, publicSuffixNames, registrableDomainOf, siteOf } from './site-of';

/** bindingCovers as written before issue 19: tldts asked for every bare binding. */
function coversByTldts(binding: string, pageUrl: string | undefined): boolean {
  const page = URL.canParse(pageUrl ?? '') ? new URL(pageUrl!) : undefined;
  if (page?.protocol !== 'https:' && page?.protocol !== 'http:') return false;
  if (binding.includes('://')) return URL.canParse(binding) && new URL(binding).origin === page.origin;
  const loopback = /^(localhost|.*\.localhost|127(\.\d+){3}|\[::1\])$/.test(page.hostname);
  return (page.protocol === 'https:' || loopback) && siteOf(page.href) === binding.toLowerCase();
}

/** matchesSite as written before issue 19: the issuer's brand from tldts, whatever the host. */
function matchesByTldts(issuer: string, hostname: string): boolean {
  const name = brandOf(issuer, publicSuffixNames.icannLabel);
  const labels = hostname.toLowerCase().split('.').slice(0, -1);
  return name !== undefined && labels.some((label) => label.replace(/-/g, '') === name);
}

/**
 * The worker's answers equal tldts's (the oracle) when it looks up only the names the
 * `…NamesNeeded`/`…ToCheck` functions list: the tables below hold those names and nothing else,
 * and throw for any other, so a lookup those functions forgot fails here.
 */
function tablesFor({ hosts, names }: NamesNeeded): SiteNames {
  return siteNames(
    new Map(hosts.map((host) => [host, registrableDomainOf(host)])),
    new Map(names.map((name) => [name, icannLabelOf(name)])),
  );
}

const PAGES = [
  'https://github.com/login',
  'https://gist.github.com/',
  'https://alice.github.io/app',
  'https://github.io/',
  'https://bucket.s3.amazonaws.com/x',
  'https://s3.amazonaws.com/bucket',
  'https://amazonaws.com/',
  'https://www.bbc.co.uk/account',
  'https://co.uk/',
  'https://foo.blogspot.com/',
  'https://blogspot.com/',
  'https://x.blogspot.co.uk/',
  'https://Accounts.Google.COM./x',
  'https://accounts.google.com:8443/',
  'http://accounts.google.com/',
  'https://xn--bcher-kva.de/',
  'https://www.xn--bcher-kva.de/',
  'http://127.0.0.1:8787/login',
  'https://127.0.0.1:8787/login',
  'http://192.168.1.10/',
  'https://192.168.1.10/',
  'http://localhost:3000/',
  'https://localhost/',
  'http://app.localhost:3000/',
  'http://[::1]:8080/',
  'https://intranet/',
  'http://intranet./',
  'https://amazon.co.uk.signin.io/',
  'https://www.amazon.co.uk/',
  'https://nodejs.org/',
  'https://google.com.evil.io/',
  'chrome://settings',
  'not a url',
  undefined,
];

const BINDINGS = [
  'github.com',
  'GitHub.COM',
  'github.io',
  'alice.github.io',
  'amazonaws.com',
  's3.amazonaws.com',
  'bucket.s3.amazonaws.com',
  'bbc.co.uk',
  'co.uk',
  'blogspot.com',
  'foo.blogspot.com',
  'blogspot.co.uk',
  'google.com',
  'google.com.',
  'com',
  'xn--bcher-kva.de',
  'bücher.de',
  '127.0.0.1:8787',
  '127.0.0.1',
  '192.168.1.10',
  'localhost:3000',
  'localhost',
  'app.localhost:3000',
  '[::1]:8080',
  'intranet',
  'intranet.',
  'signin.io',
  'https://github.com',
  'https://accounts.google.com:8443',
  'http://127.0.0.1:8787',
  'http://[::1]:8080',
  'https://',
  '',
];

const ISSUERS = [
  'GitHub',
  'google.com',
  ' Google.COM ',
  'Amazon.co.uk',
  'amazon.co.uk.',
  'Node.js',
  'github.io',
  'co.uk',
  'Air Canada',
  'com',
  '',
];

describe('the worker asks only what can change an answer, and then answers as tldts does', () => {
  it.each(PAGES.map((page) => [page]))('pageMatcher on %s', (page) => {
    const entries: { account: { issuer: string }; sites?: string[] }[] = [
      ...BINDINGS.map((binding) => ({ account: { issuer: 'Anything' }, sites: [binding] })),
      ...ISSUERS.map((issuer) => ({ account: { issuer } })),
    ];
    const worker = pageMatcher(page, tablesFor(pageNamesNeeded(page, entries)));
    const hostname = URL.canParse(page ?? '') && page!.startsWith('http') ? new URL(page!).hostname : undefined;
    for (const entry of entries) {
      const bound = entry.sites?.some((binding) => coversByTldts(binding, page)) === true;
      const named = hostname !== undefined && matchesByTldts(entry.account.issuer, hostname);
      expect([worker.bound(entry), worker.named(entry)], JSON.stringify(entry)).toEqual([bound, named]);
    }
  });

  it.each(PAGES.filter((page) => page?.startsWith('http')).map((page) => [page!]))('shownIcon of %s', (page) => {
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const icon = { origin: new URL(page).origin, png };
    for (const binding of BINDINGS) {
      const entry = { icon, sites: [binding] };
      const worker = shownIcon(entry, tablesFor({ hosts: iconHostsToCheck(entry), names: [] }).siteOf);
      expect(worker, binding).toBe(coversByTldts(binding, `${icon.origin}/`) ? png : undefined);
    }
  });

  it.each(PAGES.filter((page) => page?.startsWith('http')).map((page) => [page!]))('checkSite on %s', async (page) => {
    const lookAlikes = { lookAlike: async (issuer: string, url: string) => lookAlike(issuer, url) };
    for (const sites of [[], ...BINDINGS.map((binding) => [binding]), BINDINGS]) {
      for (const issuer of ['GitHub', 'google.com', 'Amazon']) {
        const { siteOf } = tablesFor({ hosts: siteCheckHosts(sites, page), names: [] });
        const worker = await checkSite({ sites, issuer, pageUrl: page }, { siteOf, ...lookAlikes });
        const oracle = await checkSite(
          { sites, issuer, pageUrl: page },
          { siteOf: publicSuffixNames.siteOf, ...lookAlikes },
        );
        expect(worker, JSON.stringify([sites, issuer])).toEqual(oracle);
      }
    }
  });
});
