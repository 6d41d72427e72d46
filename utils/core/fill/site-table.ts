/**
 * A page's site (site-of.ts) without the public suffix list in hand: the worker wakes without
 * tldts (issue 19), so the registrable domains a decision needs are looked up first (in the
 * helper, utils/helper/site-tasks.ts) and put in a table; the same rule then reads them here.
 */

/** A page's site from its address: its registrable domain, else its host and port; undefined off the web. */
export type SiteOf = (url: string | undefined) => string | undefined;

/**
 * The site of `url` given the registrable domain of its host name (`null`: none, as for an IP
 * address or `localhost`, which keep host and port). Only http(s) pages have a site. The one
 * place the rule is written: site-of.ts gives `domainOf` tldts, siteTable a table.
 */
export function siteWith(url: string | undefined, domainOf: (hostname: string) => string | null): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return domainOf(parsed.hostname) ?? parsed.host;
}

/** The host name of an http(s) address, the key its site is looked up by; undefined otherwise. */
export function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `siteOf` from a table of host name → registrable domain (`null`: none). A host not in the table
 * is a lookup the caller forgot to make: it throws rather than guess.
 */
export function siteTable(domains: ReadonlyMap<string, string | null>): SiteOf {
  return (url) =>
    siteWith(url, (hostname) => {
      const domain = domains.get(hostname);
      if (domain === undefined) throw new Error(`The site of ${hostname} was not looked up.`);
      return domain;
    });
}
