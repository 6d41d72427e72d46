/**
 * Why a vault operation failed. Each code has its own message in the popup, so a wrong
 * passphrase never looks like a damaged vault, and a full disk never looks like either.
 */
export type VaultErrorCode =
  | 'wrong-passphrase'
  | 'weak-passphrase'
  | 'vault-damaged'
  | 'unsupported-version'
  | 'storage-full'
  | 'locked'
  | 'no-vault'
  | 'vault-exists'
  | 'not-found'
  | 'invalid-input'
  | 'forbidden';

export class VaultError extends Error {
  override readonly name = 'VaultError';

  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
  }
}
