import { describe, expect, it } from 'vitest';
import { BACKUP_MAX_AGE_MS, backupReminder } from './backup-reminder';

const DAY = 24 * 60 * 60 * 1000;
const NOW = 1_800_000_000_000;

describe('backupReminder', () => {
  it.each([
    ['no accounts: nothing to back up', null, [], undefined],
    ['accounts, never backed up', null, [{ addedAt: NOW - DAY }], 'never'],
    ['backed up yesterday, nothing added since', { at: NOW - DAY }, [{ addedAt: NOW - 2 * DAY }], undefined],
    [
      'an account added after the backup',
      { at: NOW - DAY },
      [{ addedAt: NOW - 2 * DAY }, { addedAt: NOW - DAY / 2 }],
      'new-accounts',
    ],
    ['exactly 30 days old', { at: NOW - BACKUP_MAX_AGE_MS }, [{ addedAt: NOW - 40 * DAY }], undefined],
    ['31 days old', { at: NOW - 31 * DAY }, [{ addedAt: NOW - 40 * DAY }], 'old'],
  ] as const)('%s', (_, last, entries, expected) => {
    expect(backupReminder(last, entries, NOW)).toBe(expected);
  });
});
