/**
 * What a real service keeps about a user's second factor: a pending secret while they set it up,
 * the confirmed one afterwards, and the last time step accepted so a code cannot be replayed
 * (RFC 6238 §5.2). One record per browser session; the demo has no passwords.
 */
import type { TimeBasedAccount } from '../utils/core/otp/account';
import { buildOtpauthUri } from '../utils/core/otp/build-otpauth-uri';
import { randomSecret, timeStep, verifyCode } from '../utils/core/otp/otp';
import { parseOtpauthUri } from '../utils/core/otp/otpauth-uri';

export const DEMO_ISSUER = 'Tessera Demo';
export const DEMO_LABEL = 'alice@example.com';
/** Sessions beyond this many evict the oldest, so a busy demo cannot grow without bound. */
const MAX_SESSIONS = 1000;

interface TwoFactorRecord {
  pending?: TimeBasedAccount;
  enrolled?: TimeBasedAccount;
  lastStep?: number;
}

export type VerifyOutcome = 'ok' | 'wrong' | 'replayed' | 'not-enrolled';

/** Optional overrides a tester may pass to the enable page (`?digits=8&algorithm=SHA256&period=60`). */
export type EnrollOptions = Partial<Record<'digits' | 'algorithm' | 'period', string>>;

/** `now`: the service's clock, which may differ from the user's (demo/server.ts, clockSkewMs). */
export function createTwoFactorAccounts(now: () => number = Date.now) {
  const records = new Map<string, TwoFactorRecord>();

  function record(session: string): TwoFactorRecord {
    let found = records.get(session);
    if (!found) {
      if (records.size >= MAX_SESSIONS) records.delete(records.keys().next().value!);
      found = {};
      records.set(session, found);
    }
    return found;
  }

  /** Builds the account through the core so the demo only offers what an authenticator accepts. */
  function newAccount(options: EnrollOptions): TimeBasedAccount {
    const extra = Object.entries(options).map(([key, value]) => `&${key}=${encodeURIComponent(value ?? '')}`);
    const account = parseOtpauthUri(
      `otpauth://totp/?secret=${randomSecret()}&issuer=${encodeURIComponent(DEMO_ISSUER)}${extra.join('')}`,
    );
    return { ...(account as TimeBasedAccount), label: DEMO_LABEL };
  }

  /** The time step a code belongs to, accepting one step either side (`valid_window=1`). */
  function matchingStep(account: TimeBasedAccount, code: string): number | null {
    const at = now();
    const offset = verifyCode(account, code, at, 1);
    return offset === null ? null : timeStep(account, at) + offset;
  }

  return {
    /** The account being set up, created on first visit and kept until confirmed or replaced. */
    pending(session: string, options: EnrollOptions = {}, fresh = false): TimeBasedAccount {
      const entry = record(session);
      if (!entry.pending || fresh) entry.pending = newAccount(options);
      return entry.pending;
    },
    pendingUri(session: string): string | undefined {
      const pending = records.get(session)?.pending;
      return pending && buildOtpauthUri(pending);
    },
    confirm(session: string, code: string): VerifyOutcome {
      const entry = record(session);
      if (!entry.pending) return 'not-enrolled';
      if (matchingStep(entry.pending, code) === null) return 'wrong';
      entry.enrolled = entry.pending;
      entry.pending = undefined;
      entry.lastStep = undefined;
      return 'ok';
    },
    signIn(session: string, code: string): VerifyOutcome {
      const entry = record(session);
      if (!entry.enrolled) return 'not-enrolled';
      const step = matchingStep(entry.enrolled, code);
      if (step === null) return 'wrong';
      if (entry.lastStep !== undefined && step <= entry.lastStep) return 'replayed';
      entry.lastStep = step;
      return 'ok';
    },
    isEnrolled(session: string): boolean {
      return records.get(session)?.enrolled !== undefined;
    },
  };
}

export type TwoFactorAccounts = ReturnType<typeof createTwoFactorAccounts>;
