/**
 * Plain export: one Key URI per line, which every authenticator imports. It holds the secrets
 * unencrypted: the page that offers it says so first.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
import type { Account } from '../otp/account';
import { buildOtpauthUri } from '../otp/build-otpauth-uri';

export function exportOtpauthList(accounts: readonly Account[]): string {
  return accounts.map((account) => `${buildOtpauthUri(account)}\n`).join('');
}
