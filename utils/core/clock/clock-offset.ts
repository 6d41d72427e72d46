/**
 * How far this computer's clock is from a web server's, from one response's `Date` header, and
 * the time codes are made for. A TOTP code is only accepted within a step or so of the server's
 * time (RFC 6238 §5.2, §6), so a clock off by more than a step gives codes that are refused.
 *
 * Offsets are "server minus local": +125 000 ms means this clock is 2 min 5 s slow.
 */
import { parseHttpDate } from './http-date';

/** Off by more than this (beyond the measurement's own uncertainty), the popup says so. */
export const CLOCK_WARN_MS = 15_000;
/** A round trip longer than this says too little about the server's time to be used. */
export const MAX_ROUND_TRIP_MS = 10_000;
/** Offsets beyond a day are taken for a server with a broken `Date`, not a clock to correct. */
export const MAX_CLOCK_OFFSET_MS = 24 * 60 * 60 * 1000;

/** One HEAD response as the page saw it: its headers, and the local clock before and after. */
export interface DateSample {
  date: string | null;
  /** The `Age` header: a cache's copy carries its `Date` from when it was made (RFC 9111 §5.1). */
  age?: string | null;
  sentAt: number;
  receivedAt: number;
}

export interface ClockOffset {
  offsetMs: number;
  /** The offset is within ± this of the truth. */
  uncertaintyMs: number;
}

/**
 * The offset one response shows, or null when it cannot say (no or unreadable `Date`, a cached
 * copy, a round trip too long or backwards, an offset beyond a day). `Date` has one-second
 * resolution: the server's clock read somewhere in [t, t + 1 s) at a moment somewhere in the
 * request, so the best guess compares t + 0.5 s with the request's midpoint, within 0.5 s plus
 * half the round trip.
 */
export function measureOffset({ date, age, sentAt, receivedAt }: DateSample): ClockOffset | null {
  const roundTrip = receivedAt - sentAt;
  if (date === null || roundTrip < 0 || roundTrip > MAX_ROUND_TRIP_MS) return null;
  if (age !== undefined && age !== null && age.trim() !== '0') return null;
  const second = parseHttpDate(date, receivedAt);
  if (second === null) return null;
  const offsetMs = Math.round(second + 500 - (sentAt + receivedAt) / 2);
  if (Math.abs(offsetMs) > MAX_CLOCK_OFFSET_MS) return null;
  return { offsetMs, uncertaintyMs: Math.ceil(500 + roundTrip / 2) };
}

/**
 * The error codes would have with `correctionMs` applied, if it is surely over CLOCK_WARN_MS
 * (measured − correction, beyond the uncertainty); otherwise 0.
 */
export function clockError(measured: ClockOffset, correctionMs: number): number {
  const error = measured.offsetMs - correctionMs;
  return Math.abs(error) - measured.uncertaintyMs > CLOCK_WARN_MS ? error : 0;
}

/** The time codes are made for: the local clock plus the user's correction (0: none). */
export function codeTime(localNow: number, correctionMs: number): number {
  return localNow + correctionMs;
}

/** The correction to store for a measurement: none when the clock is within the warning margin. */
export function correctionFor(measured: ClockOffset): number {
  return Math.abs(measured.offsetMs) <= CLOCK_WARN_MS ? 0 : measured.offsetMs;
}
