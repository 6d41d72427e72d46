/**
 * Locks the vault after N idle minutes (a setting; 0 = never). Activity is any use of the popup or
 * a fill; each one pushes a single alarm forward. Alarms survive the service worker stopping, and
 * `check` on start-up catches an alarm that fired while nothing was listening.
 */
import { browser } from 'wxt/browser';
import { lastActivityItem } from './vault-items';
import { readSettings } from './settings-item';
import type { Settings } from '../core/vault/settings';
import { lockEpoch, sameEpoch } from './lock-epoch';

export const AUTO_LOCK_ALARM = 'tessera.auto-lock';

/**
 * Activity within this long of the last recorded one is not written again: the popup sends a
 * few messages a second while in use, and each write is a storage and an alarms round trip. The
 * lock may come this much early, which at minutes of idle time nobody notices.
 */
export const TOUCH_EVERY_MS = 5_000;

/** What the idle check judges by: the settings and the last activity (ms since the epoch, or null). */
export interface IdleState {
  settings: Promise<Settings>;
  lastActivity: Promise<number | null>;
  /** The lock epoch they were read in (lock-epoch.ts): after a lock they describe another session. */
  since: number;
}

/**
 * The settings and last activity as they are now, read before anything else can write them:
 * start-up takes them at wake, so the popup's own activity, recorded while the start-up check
 * waits for restrictSessionStorage, cannot hide an idle time that ran out before it opened.
 */
export function idleStateNow(): IdleState {
  const state = { settings: readSettings(), lastActivity: lastActivityItem.getValue() };
  // The check reports a failed read; one it never gets to (a start-up that failed) is no error here.
  for (const read of [state.settings, state.lastActivity]) read.catch(() => undefined);
  return { ...state, since: lockEpoch() };
}

export interface AutoLockDeps {
  lock(): Promise<void>;
  now?: () => number;
}

export function createAutoLock({ lock, now = Date.now }: AutoLockDeps) {
  /** When this worker last recorded activity; a restarted worker records the next one. */
  let recordedAt = -Infinity;

  async function idleLimitMs(): Promise<number> {
    return (await readSettings()).autoLockMinutes * 60_000;
  }

  /** Locks when the idle time has run out (by `state`, else storage now); returns whether it did. */
  async function check(state?: IdleState): Promise<boolean> {
    const limit = state ? (await state.settings).autoLockMinutes * 60_000 : await idleLimitMs();
    const last = await (state?.lastActivity ?? lastActivityItem.getValue());
    if (limit === 0 || last === null || now() - last < limit) return false;
    if (state && !sameEpoch(state.since)) return false;
    await lock();
    return true;
  }

  return {
    /**
     * Records activity and moves the lock alarm to `limit` from now; skipped within TOUCH_EVERY_MS
     * of the last time unless `force`d (unlocking, a changed setting).
     */
    async touch({ force = false } = {}): Promise<void> {
      const at = now();
      if (!force && at - recordedAt < TOUCH_EVERY_MS) return;
      recordedAt = at;
      await lastActivityItem.setValue(at);
      const limit = await idleLimitMs();
      if (limit === 0) await browser.alarms.clear(AUTO_LOCK_ALARM);
      else await browser.alarms.create(AUTO_LOCK_ALARM, { when: at + limit });
    },
    check,
    async onAlarm(alarm: { name: string }): Promise<void> {
      if (alarm.name === AUTO_LOCK_ALARM) await check();
    },
    async stop(): Promise<void> {
      recordedAt = -Infinity;
      await browser.alarms.clear(AUTO_LOCK_ALARM);
      await lastActivityItem.removeValue();
    },
  };
}

export type AutoLock = ReturnType<typeof createAutoLock>;
