import { brandOf } from './look-alike';

/**
 * Whether an account probably belongs to the site in the current tab, to list it first (never to
 * fill: site-check.ts decides that). It compares the issuer's brand (look-alike.ts: an issuer
 * written as a domain, "google.com", is its registrable name, "google") with the host name's
 * labels: "GitHub" matches github.com and "Google" matches accounts.google.com.
 */
export function matchesSite(issuer: string, hostname: string): boolean {
  const name = brandOf(issuer);
  if (name === undefined) return false;
  const labels = hostname.toLowerCase().split('.').slice(0, -1);
  return labels.some((label) => label.replace(/-/g, '') === name);
}
