/**
 * What the popup may know about an account: everything but its secret, plus its codes. The
 * worker computes codes; the popup only renders them.
 */
import type { Account } from '../otp/account';

/** Omit over each member of a union, keeping the `type` discriminant useful. */
export type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What the popup may know about an account: everything but the secret, plus its codes. */
export type AccountView = Without<Account, 'secret'> & {
  id: string;
  pinned: boolean;
  code: string;
  /** Time-based accounts: the code of the next time step, shown in the last seconds. */
  nextCode?: string;
  /** Time-based accounts: when the current code became valid (ms since the epoch). */
  validFrom?: number;
};
