import { describe, expect, it } from 'vitest';
import {
  AUTO_BACKUP_DAY_MS as DAY,
  AUTO_BACKUP_OFF,
  AUTO_BACKUP_QUIET_MS as QUIET,
  AUTO_BACKUP_WEEK_MS as WEEK,
  autoBackupsToDrop,
  nextAutoBackup,
  type AutoBackupRecord,
} from './auto-backup-plan';

const NOW = Date.UTC(2026, 11, 2, 9);
const made = (at: number, n = 0): AutoBackupRecord => ({
  id: `b${n}`,
  at,
  accounts: 1,
  downloadId: n,
  name: 'Tessera/tessera-backup-2026-12-02.json',
});
const on = (backups: AutoBackupRecord[], changedAt?: number) => ({
  ...AUTO_BACKUP_OFF,
  on: true,
  backups,
  ...(changedAt === undefined ? {} : { changedAt }),
});

describe('nextAutoBackup', () => {
  it.each([
    ['off', AUTO_BACKUP_OFF, undefined],
    ['on, none made yet: now', on([]), NOW],
    ['no change since the last: a week after it', on([made(NOW - DAY)]), NOW - DAY + WEEK],
    ['a change, last two days ago: a quiet minute after the change', on([made(NOW - 2 * DAY)], NOW), NOW + QUIET],
    ['a change, last an hour ago: a day after the last', on([made(NOW - 3_600_000)], NOW), NOW - 3_600_000 + DAY],
    ['a change, last a week ago: the weekly one is due first', on([made(NOW - WEEK)], NOW), NOW - WEEK + WEEK],
    ['the newest counts', on([made(NOW - 9 * DAY, 1), made(NOW - 2 * DAY, 2)]), NOW - 2 * DAY + WEEK],
  ])('%s', (_, state, due) => {
    expect(nextAutoBackup(state, NOW)).toBe(due);
  });
});

describe('autoBackupsToDrop', () => {
  const five = [1, 2, 3, 4, 5].map((n) => made(NOW + n, n));
  it.each([
    [10, []],
    [5, []],
    [3, [1, 2]],
    [1, [1, 2, 3, 4]],
    // Never all: the newest stays whatever the state says.
    [0, [1, 2, 3, 4]],
  ])('keeping %i drops %j (oldest first)', (keep, dropped) => {
    expect(autoBackupsToDrop(five, keep).map((record) => record.downloadId)).toEqual(dropped);
  });
});
