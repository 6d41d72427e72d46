import type { BackupReminder } from './backup-reminder';

/** What `backup.status` answers: when the last backup was made, and whether to remind. */
export interface BackupStatus {
  lastAt?: number;
  reminder?: BackupReminder;
}
