/**
 * Search as you type: every word of the query must appear in the issuer or the label, ignoring
 * case and accents ("gith ali" finds "GitHub: alice@example.com").
 */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function matchesQuery(account: { issuer: string; label: string }, query: string): boolean {
  const haystack = fold(`${account.issuer} ${account.label}`);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
