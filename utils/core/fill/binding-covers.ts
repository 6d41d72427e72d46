/**
 * Where an account's code may go without asking. Each entry of an account's `sites` is either
 * - an exact origin, as `new URL(url).origin` gives it (`https://accounts.google.com`,
 *   `http://127.0.0.1:8080`): that scheme, host and port only, as browsers' password managers bind
 *   a saved password (HTML Standard §7.1.1 "Origins"). A fill question remembers this by default;
 * - or a bare registrable domain (`google.com`): the whole site, every https page on it (any
 *   subdomain, any port), never an http one. The user's explicit "all of google.com", and every
 *   binding made before origins were (no vault migration: a bare name has always meant the site).
 *   Bindings of that time for hosts without a registrable domain (`127.0.0.1:8787`,
 *   `localhost:3000`, `intranet`) cover that host and port; over http only on loopback, which
 *   browsers treat as potentially trustworthy (W3C Secure Contexts §3.1).
 * A page's site comes from the public suffix list, which the worker looks up only when a bare
 * binding could cover the page (`hostToCheck`), so `siteOf` is passed in (site-table.ts).
 */
import type { SiteOf } from './site-table';

/** The page's origin, for http(s) pages only. */
export function originOf(url: string | undefined): string | undefined {
  const parsed = parseHttp(url);
  return parsed?.origin;
}

/**
 * The site-wide binding "all of SITE" may store for this page: its registrable domain, offered
 * only on https pages that have one (an IP address or `localhost` has no site beyond its origin).
 */
export function wholeSiteOf(url: string | undefined, siteOf: SiteOf): string | undefined {
  const parsed = parseHttp(url);
  if (parsed?.protocol !== 'https:') return undefined;
  const site = siteOf(parsed.href);
  return site === parsed.host || site === parsed.hostname ? undefined : site;
}

/** Whether one binding (an origin or a bare site, see above) lets a code go to `pageUrl` unasked. */
export function bindingCovers(binding: string, pageUrl: string | undefined, siteOf: SiteOf): boolean {
  const page = parseHttp(pageUrl);
  if (!page) return false;
  if (binding.includes('://')) return originOf(binding) === page.origin;
  return mayBeSite(binding, page) && siteOf(page.href) === binding.toLowerCase();
}

/**
 * The binding that would cover this page if it were https: an http page of a host the account
 * is used on securely, the classic downgrade of a phishing or intercepted page. Loopback excepted.
 */
export function downgradedBinding(
  bindings: readonly string[],
  pageUrl: string | undefined,
  siteOf: SiteOf,
): string | undefined {
  const page = parseHttp(pageUrl);
  if (!page || !insecurePage(page.href)) return undefined;
  const secure = new URL(page.href);
  secure.protocol = 'https:'; // the default port moves with the scheme; an explicit one stays
  return bindings.find((binding) => bindingCovers(binding, secure.href, siteOf));
}

/**
 * Whether a bare binding could be this page's site, before any lookup: only on https pages or,
 * for a host-bound legacy entry, over http on loopback (its origin is trustworthy without TLS);
 * and a page's site is its registrable domain, which is its host name or a parent of it (label
 * by label; a trailing dot does not count), or else its host and port. Anything else is never
 * equal, so the page's site need not be looked up for it (issue 19: on most popup openings,
 * nothing is).
 */
function mayBeSite(binding: string, page: URL): boolean {
  if (page.protocol === 'http:' && !isLoopback(page.hostname)) return false;
  const site = binding.toLowerCase();
  const hostname = page.hostname.replace(/\.+$/, '');
  return site === page.host || hostname === site || hostname.endsWith(`.${site}`);
}

/** The host name whose site `bindingCovers` looks up for this binding and page, if it does. */
export function hostToCheck(binding: string, pageUrl: string | undefined): string | undefined {
  const page = parseHttp(pageUrl);
  return page && !binding.includes('://') && mayBeSite(binding, page) ? page.hostname : undefined;
}

/**
 * A plain http page that is not loopback: what is sent to it crosses the network unencrypted,
 * so anyone on the way may read it or have changed the page (W3C Secure Contexts §3.1).
 */
export function insecurePage(pageUrl: string | undefined): boolean {
  const page = parseHttp(pageUrl);
  return page?.protocol === 'http:' && !isLoopback(page.hostname);
}

/** localhost, 127.0.0.0/8 and ::1 (W3C Secure Contexts §3.1, "potentially trustworthy"). */
function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127(\.\d+){3}$/.test(hostname) ||
    hostname === '[::1]'
  );
}

function parseHttp(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
