/**
 * The brand an issuer names, as letters and digits only ("Air Canada" → "aircanada"). An issuer
 * written as a domain with a known (ICANN) public suffix names the brand by its registrable
 * domain's label ("google.com", "Amazon.co.uk" → "google", "amazon"), so that
 * `google.com.evil.io` shows the brand out of place; "Node.js" (no such suffix) stays "nodejs".
 * That label comes from the public suffix list (site-of.ts:icannLabelOf), which the worker does
 * not load: it is passed in, and asked for only for issuers written as domains.
 */

/** The ICANN registrable domain's label of a name written as a domain, else undefined. */
export type IcannLabelOf = (name: string) => string | undefined;

/** Letters and digits only ("Air Canada" → "aircanada"). */
export function squash(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Whether an issuer is written as a domain ("google.com"), the only ones whose brand needs the suffix list. */
export function domainLike(issuer: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i.test(issuer.trim());
}

export function brandOf(issuer: string, icannLabel: IcannLabelOf): string | undefined {
  const name = issuer.trim();
  const label = domainLike(name) ? icannLabel(name) : undefined;
  const brand = squash(label ?? name);
  return brand.length >= 3 ? brand : undefined;
}

/**
 * Every brand brandOf may give an issuer written as a domain, whatever the suffix list says: the
 * whole name squashed, or one of its labels (a registrable domain's label is one of them).
 */
export function brandCandidates(issuer: string): string[] {
  const name = issuer.trim();
  return [squash(name), ...name.split('.').map(squash)].filter((brand) => brand.length >= 3);
}

/** `icannLabel` from a table of name → label (`null`: none); a name not in it throws, as siteTable does. */
export function labelTable(labels: ReadonlyMap<string, string | null>): IcannLabelOf {
  return (name) => {
    const label = labels.get(name);
    if (label === undefined) throw new Error(`The public suffix of ${name} was not looked up.`);
    return label ?? undefined;
  };
}
