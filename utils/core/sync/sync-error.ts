import type { SyncProblemCode } from './sync-types';

/** Synced data refused: damaged or changed, from a newer Tessera, or under another key. */
export class SyncError extends Error {
  override readonly name = 'SyncError';

  constructor(
    readonly code: SyncProblemCode,
    message: string,
  ) {
    super(message);
  }
}
