/**
 * What a test may accept as "the code for now", for unit and e2e tests alike: a code on screen
 * or in a field was computed a moment before (or after) the test reads its clock, possibly across
 * a step boundary, and the browser's clock is not the test's.
 */
import type { Account } from '../utils/core/otp/account';
import { codeAtCounter, timeStep } from '../utils/core/otp/otp';

/**
 * The codes a correct authenticator may show for `account` at `now` (milliseconds since the
 * epoch): for TOTP and Steam those of the previous, current and next time step of the account's
 * own period; for HOTP only the one at its counter, which no clock can make early or late.
 */
export function validCodes(account: Account, now: number): string[] {
  if (account.type === 'hotp') return [codeAtCounter(account, account.counter)];
  const step = timeStep(account, now);
  return [step - 1, step, step + 1].filter((at) => at >= 0).map((at) => codeAtCounter(account, at));
}
