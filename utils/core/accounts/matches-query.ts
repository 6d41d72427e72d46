/**
 * Search as you type: every word of the query must appear in the issuer or the label, ignoring
 * case and accents ("gith ali" finds "GitHub: alice@example.com"). A word that starts with `#`
 * names a tag instead ("#work git": tagged work, and "git" in the name); the tag must match
 * whole, ignoring case and accents, with spaces inside a tag written as hyphens ("#side-project"
 * for "Side project"). A lone "#" asks for nothing yet.
 */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** How a tag is written after `#` in a search: folded, its inner spaces as hyphens. */
export const tagKey = (tag: string) => fold(tag.trim()).replace(/\s+/g, '-');

export function matchesQuery(
  account: { issuer: string; label: string; tags?: readonly string[] },
  query: string,
): boolean {
  const haystack = fold(`${account.issuer} ${account.label}`);
  const tags = (account.tags ?? []).map(tagKey);
  return fold(query)
    .split(/\s+/)
    .filter((word) => word && word !== '#')
    .every((word) => (word.startsWith('#') ? tags.includes(word.slice(1)) : haystack.includes(word)));
}
