/**
 * Why the worker refused or failed a request: the vault's codes and the ones every service shares
 * (`not-found`, `invalid-input`, `forbidden`). Each code has its own message in the popup, so a
 * wrong passphrase never looks like a damaged vault, and a full disk never looks like either. The
 * router sends it as `{ code, message }` (exceptions lose their class crossing runtime messaging).
 */
export type ServiceErrorCode =
  | 'wrong-passphrase'
  | 'weak-passphrase'
  | 'vault-damaged'
  | 'unsupported-version'
  | 'storage-full'
  | 'locked'
  /** Secrets are about to leave: the passphrase is needed again (utils/vault/reauth.ts). */
  | 'reauth-required'
  | 'no-vault'
  | 'vault-exists'
  | 'not-found'
  | 'invalid-input'
  | 'forbidden'
  /** preview.confirm named a preview that has changed since (another scan or an import arrived). */
  | 'stale-preview'
  /** sync.enable: storage.sync already holds another vault's key header (issue 17). */
  | 'sync-other-vault';

export class ServiceError extends Error {
  override readonly name = 'ServiceError';

  constructor(
    readonly code: ServiceErrorCode,
    message: string,
  ) {
    super(message);
  }
}
