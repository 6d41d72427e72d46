/**
 * The "site" an account is bound to, from a page's address: its registrable domain (public
 * suffix aware, via tldts: `accounts.google.com` and `mail.google.com` are one site,
 * `alice.github.io` and `bob.github.io` are two). Addresses without one (an IP address,
 * `localhost`) keep their host and port, so two local services on two ports are two sites.
 */
import { parse } from 'tldts';

export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const { domain, isIp } = parse(parsed.hostname, { allowPrivateDomains: true });
  if (domain && !isIp) return domain;
  return parsed.host;
}
