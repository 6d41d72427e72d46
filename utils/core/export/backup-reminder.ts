/**
 * When to remind the user to make a backup (issue 7): never made one while holding accounts,
 * the last one is over 30 days old, or accounts were added since it was made.
 */
import type { VaultEntry } from '../vault/vault-contents';

export const BACKUP_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export interface LastBackup {
  /** When it was made, ms since the epoch. */
  at: number;
}

export type BackupReminder = 'never' | 'old' | 'new-accounts';

export function backupReminder(
  last: LastBackup | null,
  entries: readonly Pick<VaultEntry, 'addedAt'>[],
  now: number,
): BackupReminder | undefined {
  if (entries.length === 0) return undefined;
  if (!last) return 'never';
  if (entries.some((entry) => entry.addedAt > last.at)) return 'new-accounts';
  if (now - last.at > BACKUP_MAX_AGE_MS) return 'old';
  return undefined;
}
