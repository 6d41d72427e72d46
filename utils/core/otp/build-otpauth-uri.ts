import type { Account } from './account';

/**
 * Writes an account as a Key URI that Google Authenticator, Aegis and {@link parseOtpauthUri}
 * read back as the same account. The issuer goes both in the label prefix and in the `issuer`
 * parameter, as the Key URI format recommends. Steam accounts use `otpauth://steam/` (Aegis,
 * Ente, 2FAS).
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function buildOtpauthUri(account: Account): string {
  const label = encodeURIComponent(account.label);
  // With no issuer, a label holding a colon gets an empty prefix so the colon is not read as one.
  const path =
    account.issuer !== ''
      ? `${encodeURIComponent(account.issuer)}:${label}`
      : account.label.includes(':')
        ? `:${label}`
        : label;
  // Encoded although a canonical secret never needs it: a stray '&' or '#' must not pass as structure.
  const params = [`secret=${encodeURIComponent(account.secret)}`];
  if (account.issuer !== '') params.push(`issuer=${encodeURIComponent(account.issuer)}`);
  if (account.type !== 'steam') params.push(`algorithm=${account.algorithm}`, `digits=${account.digits}`);
  if (account.type === 'totp') params.push(`period=${account.period}`);
  if (account.type === 'hotp') params.push(`counter=${account.counter}`);
  return `otpauth://${account.type}/${path}?${params.join('&')}`;
}
