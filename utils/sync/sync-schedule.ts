/**
 * When sync writes (issue 17, "Fits the quota"): after a change, once edits have been quiet for
 * 5 s, and never more than one write burst per 10 s, so typing a name is one burst, not one per
 * keystroke, and a device stays far below Chrome's 120 writes a minute and 1,800 an hour
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync).
 */
export const QUIET_MS = 5_000;
export const BURST_EVERY_MS = 10_000;

export interface SyncScheduleDeps {
  /** The sync to run when due. */
  run(): Promise<void>;
  now?: () => number;
}

export function createSyncSchedule({ run, now = Date.now }: SyncScheduleDeps) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastBurst = -Infinity;

  function cancel(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  return {
    /** A change (or another device's): run `quietMs` after the last one, and not within 10 s of the last burst. */
    changed(quietMs = QUIET_MS): void {
      cancel();
      const wait = Math.max(quietMs, lastBurst + BURST_EVERY_MS - now());
      timer = setTimeout(() => {
        timer = undefined;
        void run().catch((error: unknown) => console.error('Sync failed', error));
      }, wait);
    },
    /** A write burst just happened (a scheduled one, or "Sync now"). */
    burst(): void {
      lastBurst = now();
    },
    /** Whether a burst now would come within 10 s of the last. */
    tooSoon(): boolean {
      return now() - lastBurst < BURST_EVERY_MS;
    },
    cancel,
  };
}

export type SyncSchedule = ReturnType<typeof createSyncSchedule>;
