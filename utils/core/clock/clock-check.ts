/**
 * The last clock check (kept by the worker) and the warning the popup shows for it. Pure, so
 * the popup knows the warning's shape without loading worker code.
 */
import { clockError, type ClockOffset } from './clock-offset';

/** A check of this clock against one site's `Date` header. */
export interface ClockCheck extends ClockOffset {
  /** The host the page came from, as the user knows it ("github.com"). */
  host: string;
  checkedAt: number;
  /** The user dismissed the warning for this check. */
  dismissed: boolean;
}

/**
 * What the popup shows: the clock is off by `errorMs` (server minus local; > 0: slow) against
 * `host`, with `correctionMs` in use (0: none, and then `errorMs` is the clock's own error).
 */
export interface ClockWarning {
  host: string;
  errorMs: number;
  correctionMs: number;
}

/** The warning for `check` with `correctionMs` in use, or null when codes are on time or it was dismissed. */
export function clockWarning(check: ClockCheck | null, correctionMs: number): ClockWarning | null {
  if (!check || check.dismissed) return null;
  const errorMs = clockError(check, correctionMs);
  return errorMs === 0 ? null : { host: check.host, errorMs, correctionMs };
}
