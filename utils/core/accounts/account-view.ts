/**
 * What the popup may know about an account: everything but its secret, plus its codes. The
 * worker computes codes; the popup only renders them.
 */
import type { Account } from '../otp/account';
import { codeTime } from '../clock/clock-offset';
import { codeAtCounter, generateCode, timeStep } from '../otp/otp';
import type { SiteOf } from '../fill/site-table';
import { shownIcon } from './site-icon';

/** Omit over each member of a union, keeping the `type` discriminant useful. */
export type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What the popup may know about an account: everything but the secret, plus its codes. */
export type AccountView = Without<Account, 'secret'> & {
  id: string;
  pinned: boolean;
  code: string;
  /** Time-based accounts: the code of the next time step, shown in the last seconds. */
  nextCode?: string;
  /**
   * Time-based accounts: when the current code became valid (ms since the epoch), on the local
   * clock the popup's timers run on, even when codes use a corrected time.
   */
  validFrom?: number;
  /** Where it fills without asking (origins or whole sites, core/fill/binding-covers.ts); absent when nowhere. */
  sites?: string[];
  /** Its groups from the app it was imported from, shown as chips and searched with `#tag`; absent when none. */
  tags?: string[];
  /** Firefox: the captured icon of a site it is bound to, a small PNG data URL (site-icon.ts:shownIcon). */
  icon?: string;
};

/**
 * An entry as the popup sees it at local time `at` (ms) with the clock correction `offsetMs`
 * (codes are made for `at + offsetMs`): its secret left out, its current code, and for time-based
 * accounts the next code and when the current one became valid (RFC 6238 §4). `siteOf` answers the
 * host names site-icon.ts:iconHostsToCheck lists for the entry.
 */
export function accountView(
  entry: {
    readonly id: string;
    readonly account: Account;
    readonly pinned?: boolean;
    readonly sites?: readonly string[];
    readonly tags?: readonly string[];
    readonly icon?: unknown;
  },
  at: number,
  offsetMs: number,
  siteOf: SiteOf,
): AccountView {
  const { secret: _secret, ...visible } = entry.account; // the secret never leaves the background
  const time = codeTime(at, offsetMs);
  const icon = shownIcon(entry, siteOf);
  const base = {
    ...visible,
    id: entry.id,
    pinned: entry.pinned === true,
    code: generateCode(entry.account, time),
    ...(entry.sites?.length ? { sites: [...entry.sites] } : {}),
    ...(entry.tags?.length ? { tags: [...entry.tags] } : {}),
    ...(icon ? { icon } : {}),
  };
  if (entry.account.type === 'hotp') return base;
  const step = timeStep(entry.account, time);
  const validFrom = step * entry.account.period * 1000 - offsetMs;
  return { ...base, nextCode: codeAtCounter(entry.account, step + 1), validFrom };
}
