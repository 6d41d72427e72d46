import { brandCandidates, brandOf, domainLike, type IcannLabelOf } from './brand-of';

/**
 * Whether an account probably belongs to the site in the current tab, to list it first (never to
 * fill: site-check.ts decides that). It compares the issuer's brand (brand-of.ts: an issuer
 * written as a domain, "google.com", is its registrable name, "google") with the host name's
 * labels: "GitHub" matches github.com and "Google" matches accounts.google.com.
 */
export function matchesSite(issuer: string, hostname: string, icannLabel: IcannLabelOf): boolean {
  if (domainLike(issuer) && nameToCheck(issuer, hostname) === undefined) return false;
  const name = brandOf(issuer, icannLabel);
  if (name === undefined) return false;
  return hostLabels(hostname).includes(name);
}

/**
 * The issuer whose ICANN label (brand-of.ts) matchesSite looks up for this host name, if it does:
 * one written as a domain, and only when one of the brands it could name is among the host's
 * labels; otherwise the answer is no whatever the suffix list says.
 */
export function nameToCheck(issuer: string, hostname: string): string | undefined {
  if (!domainLike(issuer)) return undefined;
  const labels = hostLabels(hostname);
  return brandCandidates(issuer).some((brand) => labels.includes(brand)) ? issuer.trim() : undefined;
}

/** The host name's labels but the last (the suffix is never the brand), without hyphens. */
function hostLabels(hostname: string): string[] {
  return hostname
    .toLowerCase()
    .split('.')
    .slice(0, -1)
    .map((label) => label.replace(/-/g, ''));
}
