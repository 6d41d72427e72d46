import { describe, expect, it } from 'vitest';
import { clockError, codeTime, correctionFor, measureOffset, type DateSample } from './clock-offset';
import { clockWarning, type ClockCheck } from './clock-check';
import { durationParts } from './duration-parts';

/** A fake clock: the server's `Date` is the true time `at`, this clock reads `at - slowBy`. */
const T = Date.UTC(2026, 11, 1, 20, 0, 0);
const header = (ms: number) => new Date(ms).toUTCString();

function sample(serverMs: number, sentAt: number, roundTrip: number, extra: Partial<DateSample> = {}): DateSample {
  return { date: header(serverMs), sentAt, receivedAt: sentAt + roundTrip, ...extra };
}

describe('measureOffset', () => {
  it.each([
    // [name, server time at the request's midpoint, local send time, round trip, offset, uncertainty]
    ['in step, mid-second', T + 500, T + 450, 100, 0, 550],
    ['2 min 5 s slow', T + 125_000 + 500, T + 450, 100, 125_000, 550],
    ['5 min fast', T - 300_000 + 500, T + 450, 100, -300_000, 550],
    ['a slow round trip widens the margin', T + 500, T - 500, 2000, 0, 1500],
    ['at most half a second off when the header second has just begun', T + 1, T - 49, 100, 499, 550],
  ])('%s', (_name, serverMs, sentAt, roundTrip, offsetMs, uncertaintyMs) => {
    // The header says the second that holds the server's time at the midpoint.
    const second = Math.floor(serverMs / 1000) * 1000;
    expect(measureOffset(sample(second, sentAt, roundTrip))).toEqual({ offsetMs, uncertaintyMs });
  });

  it('is never further from the truth than its uncertainty', () => {
    for (const truth of [-300_000, -1234, 0, 999, 125_000])
      for (const phase of [0, 1, 250, 500, 999])
        for (const roundTrip of [0, 10, 300, 3000]) {
          const sentAt = T + phase;
          const serverAtReply = sentAt + roundTrip * 0.3 + truth; // the server answers somewhere in the request
          const measured = measureOffset({
            date: header(Math.floor(serverAtReply / 1000) * 1000),
            sentAt,
            receivedAt: sentAt + roundTrip,
          })!;
          expect(Math.abs(measured.offsetMs - truth)).toBeLessThanOrEqual(measured.uncertaintyMs);
        }
  });

  it.each([
    ['no Date header', { date: null, sentAt: T, receivedAt: T + 10 }],
    ['an unreadable Date', { date: 'yesterday', sentAt: T, receivedAt: T + 10 }],
    ['a cached copy (Age)', sample(T, T, 10, { age: '120' })],
    ['a round trip over 10 s', sample(T, T, 10_001)],
    ['a clock that went backwards', sample(T, T, -1)],
    ['over a day off', sample(T + 25 * 3600_000, T, 10)],
  ])('says nothing for %s', (_name, input) => {
    expect(measureOffset(input)).toBeNull();
  });

  it('takes a fresh response with Age: 0', () => {
    expect(measureOffset(sample(T, T, 0, { age: '0' }))).toEqual({ offsetMs: 500, uncertaintyMs: 500 });
  });
});

describe('clockError: over 15 s beyond the uncertainty', () => {
  it.each([
    ['in step', 0, 550, 0, 0],
    ['15 s slow is within the margin', 15_000, 550, 0, 0],
    ['15.5 s slow is within the margin given ±0.55 s', 15_500, 550, 0, 0],
    ['15.6 s slow is surely over 15 s', 15_600, 550, 0, 15_600],
    ['2 min 5 s slow', 125_000, 550, 0, 125_000],
    ['20 s fast', -20_000, 550, 0, -20_000],
    ['corrected: in step with the correction', 125_400, 550, 125_000, 0],
    ['corrected, but the clock was set right since', 0, 550, 125_000, -125_000],
  ])('%s', (_name, offsetMs, uncertaintyMs, correctionMs, expected) => {
    expect(clockError({ offsetMs, uncertaintyMs }, correctionMs)).toBe(expected);
  });
});

describe('clockWarning', () => {
  const check: ClockCheck = {
    host: 'github.com',
    offsetMs: 125_000,
    uncertaintyMs: 550,
    checkedAt: T,
    dismissed: false,
  };
  it.each([
    ['no check yet', null, 0, null],
    ['a slow clock', check, 0, { host: 'github.com', errorMs: 125_000, correctionMs: 0 }],
    ['dismissed', { ...check, dismissed: true }, 0, null],
    ['corrected', check, 125_000, null],
    [
      'a correction that no longer fits',
      { ...check, offsetMs: 0 },
      125_000,
      { host: 'github.com', errorMs: -125_000, correctionMs: 125_000 },
    ],
  ])('%s', (_name, input, correctionMs, expected) => {
    expect(clockWarning(input, correctionMs)).toEqual(expected);
  });
});

describe('codeTime and correctionFor', () => {
  it('makes codes for the local clock plus the correction', () => {
    expect(codeTime(T, 0)).toBe(T);
    expect(codeTime(T, 125_000)).toBe(T + 125_000);
    expect(codeTime(T, -300_000)).toBe(T - 300_000);
  });
  it.each([
    [125_000, 125_000],
    [-300_400, -300_400],
    [15_000, 0],
    [-3_000, 0],
  ])('the correction for an offset of %i ms is %i ms', (offsetMs, expected) => {
    expect(correctionFor({ offsetMs, uncertaintyMs: 550 })).toBe(expected);
  });
});

describe('durationParts', () => {
  it.each([
    [0, { negative: false, hours: 0, minutes: 0, seconds: 0 }],
    [42_000, { negative: false, hours: 0, minutes: 0, seconds: 42 }],
    [125_000, { negative: false, hours: 0, minutes: 2, seconds: 5 }],
    [-300_400, { negative: true, hours: 0, minutes: 5, seconds: 0 }],
    [3_723_600, { negative: false, hours: 1, minutes: 2, seconds: 4 }],
    [-400, { negative: false, hours: 0, minutes: 0, seconds: 0 }],
  ])('%i ms', (ms, expected) => {
    expect(durationParts(ms)).toEqual(expected);
  });
});
