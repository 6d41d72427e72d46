/**
 * Whether a page's address plausibly belongs to the brand an account's issuer names, for an
 * account not yet bound to any page. Issuer matching only orders the list (matches-site.ts); this
 * says when the fill question must be a warning instead of the friendly first-fill question:
 * - `brand-elsewhere`: the brand's name is in the address, but not as the site's own name
 *   (`paypal.com.secure-login.net`, `github.evil.com`, `paypal-secure.com`): the site is someone else's;
 *   also any use of it on a private public suffix (`paypal.github.io`, `alice.github.io` for
 *   GitHub), where anyone may publish. A brand's genuine pages there are warned about once, until bound;
 * - `look-alike`: the site's name imitates the brand's, spelled with digits or letter pairs that
 *   read alike (`g1thub.com`, `paypa1.com`, `rnicrosoft.com`), as in typosquatting;
 * - `punycode`: an internationalised name (`xn--` label, RFC 3492), whose characters may imitate
 *   Latin letters (Unicode TR #39 "confusables"); Tessera cannot judge those, so it warns.
 * An issuer with fewer than 3 letters or digits names no brand, and IP addresses and hosts
 * without a registrable domain are never judged. Nothing here ever makes a fill silent.
 * It reads the whole public suffix list (tldts), so it runs in the helper's `site` chunk
 * (utils/helper/site-tasks.ts), never in the worker.
 */
import { parse } from 'tldts';
import { brandOf } from './brand-of';
import { publicSuffixNames } from './site-of';

export type LookAlike = 'brand-elsewhere' | 'look-alike' | 'punycode';

/** Characters and pairs that read alike, mapped to one spelling (a skeleton, as in UTS #39 §4). */
const ALIKE: [RegExp, string][] = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/cl/g, 'd'],
  [/0/g, 'o'],
  [/[1i|]/g, 'l'],
  [/3/g, 'e'],
  [/4/g, 'a'],
  [/5/g, 's'],
  [/7/g, 't'],
  [/8/g, 'b'],
  [/9/g, 'g'],
];

function skeleton(word: string): string {
  return ALIKE.reduce((text, [from, to]) => text.replace(from, to), word);
}

/**
 * The labels of a private public suffix (Public Suffix List, PRIVATE section: `github.io`,
 * `web.app`, `s3.amazonaws.com`) above its ICANN suffix: `github` for `alice.github.io`.
 */
function privateLabels(hostname: string, publicSuffix: string): string[] {
  const icann = parse(hostname).publicSuffix ?? '';
  const own = publicSuffix.slice(0, Math.max(0, publicSuffix.length - icann.length - 1));
  return own ? own.split('.') : [];
}

export function lookAlike(issuer: string, pageUrl: string | undefined): LookAlike | undefined {
  const brand = brandOf(issuer, publicSuffixNames.icannLabel);
  let hostname: string;
  try {
    hostname = new URL(pageUrl ?? '').hostname;
  } catch {
    return undefined;
  }
  const { domain, domainWithoutSuffix, isIp, isPrivate, publicSuffix, subdomain } = parse(hostname, {
    allowPrivateDomains: true,
  });
  if (!brand || isIp || !domain || !domainWithoutSuffix) return undefined;
  const own = domainWithoutSuffix.replace(/-/g, '');
  // On a private suffix anyone may publish (`paypal.github.io`, `coinbase.pages.dev`), so the
  // brand's name is never the site's own, not even the suffix owner's on its users' pages.
  if (own === brand && !isPrivate) return undefined;
  if (hostname.split('.').some((label) => label.startsWith('xn--'))) return 'punycode';
  const mark = skeleton(brand);
  if (own !== brand && skeleton(own) === mark) return 'look-alike';
  const others = [
    ...(subdomain ? subdomain.split('.') : []),
    domainWithoutSuffix,
    ...(isPrivate && publicSuffix ? privateLabels(hostname, publicSuffix) : []),
  ];
  if (others.some((label) => label.replace(/-/g, '').includes(brand))) return 'brand-elsewhere';
  if (others.some((label) => skeleton(label.replace(/-/g, '')).includes(mark))) return 'look-alike';
  return undefined;
}
