/**
 * When Tessera writes an automatic backup (issue 17) and which old ones it removes: after a change
 * (once things have been quiet for a minute, at most once a day), and a week after the last one
 * even without a change. Pure: the worker (utils/transfer/auto-backup.ts) keeps the state and
 * writes the files.
 */

export const AUTO_BACKUP_QUIET_MS = 60_000;
export const AUTO_BACKUP_DAY_MS = 24 * 60 * 60 * 1000;
export const AUTO_BACKUP_WEEK_MS = 7 * AUTO_BACKUP_DAY_MS;
/** How many automatic backups are kept unless the state says otherwise. */
export const AUTO_BACKUP_KEEP = 10;

/** One automatic backup Tessera wrote: only files listed here are ever removed. */
export interface AutoBackupRecord {
  /** Tessera's own name for it (the key of its bytes in storage.local). */
  id: string;
  /** When it was made, ms since the epoch. */
  at: number;
  accounts: number;
  /** The browser's id of the download that wrote it. */
  downloadId: number;
  /** The file name asked for, under the downloads folder: `Tessera/tessera-backup-….json`. */
  name: string;
  /** The full path the browser reported once written (uniquify may have added " (1)"). */
  file?: string;
}

/** What the worker remembers (plain: dates, counts and file names reveal no account). */
export interface AutoBackupState {
  on: boolean;
  keep: number;
  /** The last vault change not yet in a backup, ms since the epoch. */
  changedAt?: number;
  /** Oldest first. */
  backups: AutoBackupRecord[];
}

export const AUTO_BACKUP_OFF: AutoBackupState = { on: false, keep: AUTO_BACKUP_KEEP, backups: [] };

/**
 * When the next automatic backup is due (ms since the epoch; at or before `now` means now), or
 * undefined when off. The first one is due at once; after that, a change is backed up a quiet
 * minute after it but no sooner than a day after the last backup, and a week after the last
 * backup one is due anyway.
 */
export function nextAutoBackup(state: AutoBackupState, now: number): number | undefined {
  if (!state.on) return undefined;
  const last = state.backups.at(-1)?.at;
  if (last === undefined) return now;
  const weekly = last + AUTO_BACKUP_WEEK_MS;
  if (state.changedAt === undefined) return weekly;
  return Math.min(weekly, Math.max(state.changedAt + AUTO_BACKUP_QUIET_MS, last + AUTO_BACKUP_DAY_MS));
}

/** The backups beyond the newest `keep` (oldest first): the ones to remove. */
export function autoBackupsToDrop(backups: readonly AutoBackupRecord[], keep: number): AutoBackupRecord[] {
  return backups.slice(0, Math.max(0, backups.length - Math.max(1, keep)));
}
