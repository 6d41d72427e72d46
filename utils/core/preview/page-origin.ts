/**
 * The page a scanned code was shown on, as an account binding names it (issue 15): the exact
 * origin, scheme + host + port, that `new URL(url).origin` serialises
 * (https://url.spec.whatwg.org/#concept-url-origin). Only web pages have one worth binding: a
 * `file:` page's origin is opaque ("null").
 */
export function pageOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An origin as a preview row shows it, compactly: the host alone for an ordinary `https:` page
 * ("github.com"), the whole origin when the scheme or a port matters ("http://127.0.0.1:8080").
 */
export function shortOrigin(origin: string): string {
  try {
    const parsed = new URL(origin);
    return parsed.protocol === 'https:' && !parsed.port ? parsed.hostname : parsed.origin;
  } catch {
    return origin;
  }
}
