import type { BackupReminder } from './backup-reminder';

/** What `backup.status` answers: when the last backup was made, and whether to remind. */
export interface BackupStatus {
  lastAt?: number;
  reminder?: BackupReminder;
  /** Automatic backups: on or off, and those kept (absent where the worker has none, in tests). */
  auto?: AutoBackupList;
}

/** The automatic backups kept (utils/transfer/auto-backup.ts), newest last. */
export interface AutoBackupList {
  on: boolean;
  /** How many are kept. */
  keep: number;
  /** The folder under the browser's downloads folder where the files are. */
  folder: string;
  backups: { id: string; at: number; accounts: number }[];
}
