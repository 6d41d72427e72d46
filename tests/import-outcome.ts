/**
 * The fuzz tests' contract for one mutated file: it imports as whole, valid accounts (tags all
 * strings), or fails with an ImportError; any other exception is a bug, thrown with `what` (the
 * mutation, file and seed) so the run can be repeated.
 */
import { expect } from 'vitest';
import { ImportError } from '../utils/core/import/import-error';
import { importFile } from '../utils/core/import/import-file';
import { validateAccount } from '../utils/core/otp/validate-account';

export async function importOutcome(
  bytes: Uint8Array,
  password: string | undefined,
  what: string,
): Promise<'imported' | 'errors'> {
  try {
    const parsed = await importFile(bytes, password);
    expect(parsed.accounts.length).toBeGreaterThan(0);
    for (const { account, tags } of parsed.accounts) {
      expect(validateAccount(account)).toEqual(account);
      expect(tags.every((tag) => typeof tag === 'string')).toBe(true);
    }
    return 'imported';
  } catch (error) {
    if (!(error instanceof ImportError)) throw new Error(`${what} threw ${String(error)}`, { cause: error });
    return 'errors';
  }
}
