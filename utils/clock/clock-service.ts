/**
 * The clock check: beside a fill or a scan (never before it, never holding it up), one HEAD
 * request to the page's own origin, at most once per origin per CHECK_EVERY_MS; the offset its
 * `Date` shows is kept for the popup, which warns when codes would be more than 15 s off and
 * offers to make codes for the corrected time (settings.clockOffsetMs).
 */
import type { Browser } from 'wxt/browser';
import { clockWarning, type ClockCheck, type ClockWarning } from '../core/clock/clock-check';
import { CLOCK_WARN_MS, correctionFor, measureOffset } from '../core/clock/clock-offset';
import { ServiceError } from '../core/internal/service-error';
import type { Settings } from '../core/vault/settings';
import type { ClockState } from './clock-items';
import type { PageDateSample } from './page/head-date';

/** One origin is asked at most this often. */
export const CHECK_EVERY_MS = 10 * 60 * 1000;
/** The origins remembered for CHECK_EVERY_MS, at most. */
const MAX_ASKED = 100;

export interface ClockDeps {
  probe: (tabId: number) => Promise<PageDateSample | null>;
  state: { getValue(): Promise<ClockState>; setValue(state: ClockState): Promise<void> };
  /** The correction in use (settings.clockOffsetMs). */
  correction: () => Promise<number>;
  setCorrection: (clockOffsetMs: number) => Promise<Settings>;
  now?: () => number;
}

export function createClockService({ probe, state, correction, setCorrection, now = Date.now }: ClockDeps) {
  const running = new Map<string, Promise<void>>();

  async function run(tabId: number, origin: string): Promise<void> {
    const before = await state.getValue();
    const at = now();
    if (at - (before.asked[origin] ?? -Infinity) < CHECK_EVERY_MS) return;
    const asked = Object.entries({ ...before.asked, [origin]: at })
      .filter(([, when]) => at - when < CHECK_EVERY_MS)
      .slice(-MAX_ASKED);
    await state.setValue({ ...before, asked: Object.fromEntries(asked) });
    const sample = await probe(tabId);
    // The top frame may have moved on to another origin meanwhile: its answer is not this one's.
    if (!sample || sample.origin !== origin) return;
    const measured = measureOffset(sample);
    if (!measured) return;
    const current = await state.getValue();
    // A warning the user dismissed stays dismissed while new checks find about the same offset.
    const same = current.last && Math.abs(current.last.offsetMs - measured.offsetMs) <= CLOCK_WARN_MS;
    const last: ClockCheck = {
      ...measured,
      host: new URL(origin).host,
      checkedAt: now(),
      dismissed: Boolean(same && current.last!.dismissed),
    };
    await state.setValue({ ...current, last });
  }

  return {
    /** Starts a check of `tab`'s origin, unless asked lately; returns at once (tests may await it). */
    check(tab: Pick<Browser.tabs.Tab, 'id' | 'url'>): Promise<void> {
      let origin: string;
      try {
        const url = new URL(tab.url ?? '');
        if (tab.id === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) return Promise.resolve();
        origin = url.origin;
      } catch {
        return Promise.resolve();
      }
      const pending = running.get(origin);
      if (pending) return pending;
      const started = run(tab.id, origin)
        .catch((error: unknown) => console.error('Clock check failed', error))
        .finally(() => running.delete(origin));
      running.set(origin, started);
      return started;
    },
    /** The warning to show, once the checks under way have finished (each is bounded by its timeout). */
    async warning(): Promise<ClockWarning | null> {
      await Promise.all(running.values());
      return clockWarning((await state.getValue()).last, await correction());
    },
    /** Makes codes for the time the last check measured (or none, if that was within 15 s). */
    async useCorrection(): Promise<Settings> {
      const { last } = await state.getValue();
      if (!last) throw new ServiceError('not-found', 'No clock check has been made yet.');
      return setCorrection(correctionFor(last));
    },
    async dismiss(): Promise<void> {
      const current = await state.getValue();
      if (current.last) await state.setValue({ ...current, last: { ...current.last, dismissed: true } });
    },
  };
}

export type ClockService = ReturnType<typeof createClockService>;
