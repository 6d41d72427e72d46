/**
 * Whether an account probably belongs to the site in the current tab, to list it first. Until
 * accounts learn their sites (the autofill issue), this compares the issuer with the host name's
 * labels: "GitHub" matches github.com and "Google" matches accounts.google.com.
 */
export function matchesSite(issuer: string, hostname: string): boolean {
  const name = issuer.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (name.length < 3) return false;
  const labels = hostname.toLowerCase().split('.').slice(0, -1);
  return labels.some((label) => label.replace(/-/g, '') === name);
}
