/** What the clock check keeps for the browser session (no secrets: a host and an offset). */
import { defineItem } from '../background/stored-item';
import type { ClockCheck } from '../core/clock/clock-check';

export interface ClockState {
  /** The last check that measured an offset. */
  last: ClockCheck | null;
  /** When each origin was last asked, so it is asked at most once per CHECK_EVERY_MS. */
  asked: Record<string, number>;
}

export const clockStateItem = defineItem<ClockState>('session:clockCheck', {
  fallback: { last: null, asked: {} },
});
