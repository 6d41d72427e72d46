import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BURST_EVERY_MS, QUIET_MS, createSyncSchedule } from './sync-schedule';

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

function schedule() {
  const runs: number[] = [];
  const made = createSyncSchedule({
    run: async () => {
      runs.push(Date.now());
      made.burst();
    },
  });
  return { made, runs };
}

describe('the sync write schedule', () => {
  it('waits for 5 s of quiet: a burst of edits is one write, not one per keystroke', async () => {
    const { made, runs } = schedule();
    for (let i = 0; i < 10; i++) {
      made.changed();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1_001);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([1_000_000 + 10_000 - 1_000 + QUIET_MS]);
  });

  it('writes at most one burst per 10 s however quiet it is', async () => {
    const { made, runs } = schedule();
    made.changed(0);
    await vi.advanceTimersByTimeAsync(0);
    made.changed(1_000);
    await vi.advanceTimersByTimeAsync(BURST_EVERY_MS - 1);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([1_000_000, 1_000_000 + BURST_EVERY_MS]);
    expect(made.tooSoon()).toBe(true);
  });

  it('cancels a pending write', async () => {
    const { made, runs } = schedule();
    made.changed();
    made.cancel();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual([]);
  });
});
