import { describe, expect, it } from 'vitest';
import { compareStamps, maxStamp, nextStamp, ZERO_STAMP } from './stamp';
import { stamp } from './sync-test-data';

describe('compareStamps', () => {
  it.each([
    [stamp(1, 'A'), stamp(2, 'A'), -1],
    [stamp(2, 'A', 0), stamp(2, 'A', 1), -1],
    [stamp(2, 'B', 0), stamp(2, 'A', 0), 1],
    [stamp(2, 'A', 3), stamp(2, 'A', 3), 0],
    [stamp(3, 'A', 0), stamp(2, 'Z', 9), 1],
  ])('%j vs %j: %i', (a, b, sign) => {
    expect(Math.sign(compareStamps(a, b)) || 0).toBe(sign);
    expect(Math.sign(compareStamps(b, a)) || 0).toBe(-sign || 0);
  });

  it('maxStamp keeps the newer', () => {
    expect(maxStamp(stamp(1, 'A'), stamp(1, 'B'))).toEqual(stamp(1, 'B'));
  });
});

describe('nextStamp', () => {
  it.each([
    ['the wall clock when it is ahead', stamp(100, 'B', 4), 200, stamp(200, 'A', 0)],
    ['one count above a clock seen ahead', stamp(300, 'B', 4), 200, stamp(300, 'A', 5)],
    ['one count above within the same millisecond', stamp(200, 'A', 0), 200, stamp(200, 'A', 1)],
    ['from nothing', ZERO_STAMP, 5, stamp(5, 'A', 0)],
  ])('%s', (_, last, now, expected) => {
    const next = nextStamp(last, now, 'A');
    expect(next).toEqual(expected);
    expect(compareStamps(next, last)).toBeGreaterThan(0);
  });
});
