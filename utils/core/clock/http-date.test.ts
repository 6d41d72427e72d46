import { describe, expect, it } from 'vitest';
import { parseHttpDate } from './http-date';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const NOV_6_1994 = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('parseHttpDate (RFC 9110 §5.6.7)', () => {
  it.each([
    ['IMF-fixdate, the RFC example', 'Sun, 06 Nov 1994 08:49:37 GMT', NOV_6_1994],
    ['rfc850-date, the RFC example', 'Sunday, 06-Nov-94 08:49:37 GMT', NOV_6_1994],
    ['asctime-date, the RFC example', 'Sun Nov  6 08:49:37 1994', NOV_6_1994],
    ['asctime-date, two-digit day', 'Tue Dec 01 20:52:30 2026', Date.UTC(2026, 11, 1, 20, 52, 30)],
    ['IMF-fixdate, today', 'Tue, 01 Dec 2026 20:52:30 GMT', Date.UTC(2026, 11, 1, 20, 52, 30)],
    ['a leap day', 'Thu, 29 Feb 2024 00:00:00 GMT', Date.UTC(2024, 1, 29)],
    ['a leap second counts as the second before', 'Sat, 31 Dec 2016 23:59:60 GMT', Date.UTC(2016, 11, 31, 23, 59, 59)],
    ['surrounding spaces', '  Sun, 06 Nov 1994 08:49:37 GMT ', NOV_6_1994],
    ['rfc850: 44 years ahead is still this century', 'Wednesday, 01-Jan-70 00:00:00 GMT', Date.UTC(2070, 0, 1)],
    ['rfc850: a year within 50 ahead', 'Saturday, 01-Jan-50 00:00:00 GMT', Date.UTC(2050, 0, 1)],
    ['rfc850: over 50 years ahead is the past century', 'Friday, 01-Jan-99 00:00:00 GMT', Date.UTC(1999, 0, 1)],
  ])('reads %s', (_name, value, expected) => {
    expect(parseHttpDate(value, NOW)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['ISO 8601', '1994-11-06T08:49:37Z'],
    ['another zone than GMT', 'Sun, 06 Nov 1994 08:49:37 UTC'],
    ['an offset', 'Sun, 06 Nov 1994 08:49:37 +0000'],
    ['lower-case month', 'Sun, 06 nov 1994 08:49:37 GMT'],
    ['one-digit day in IMF-fixdate', 'Sun, 6 Nov 1994 08:49:37 GMT'],
    ['a weekday that does not match', 'Mon, 06 Nov 1994 08:49:37 GMT'],
    ['31 February', 'Tue, 31 Feb 2026 00:00:00 GMT'],
    ['29 February of a common year', 'Sun, 29 Feb 2026 00:00:00 GMT'],
    ['hour 24', 'Sun, 06 Nov 1994 24:00:00 GMT'],
    ['minute 60', 'Sun, 06 Nov 1994 08:60:00 GMT'],
    ['second 61', 'Sun, 06 Nov 1994 08:49:61 GMT'],
    ['day 0', 'Sun, 00 Nov 1994 08:49:37 GMT'],
    ['a year before 1970', 'Mon, 06 Nov 1950 08:49:37 GMT'],
    ['a long weekday in IMF-fixdate', 'Sunday, 06 Nov 1994 08:49:37 GMT'],
    ['asctime with a zone', 'Sun Nov  6 08:49:37 1994 GMT'],
    ['trailing text', 'Sun, 06 Nov 1994 08:49:37 GMT; x'],
  ])('refuses %s', (_name, value) => {
    expect(parseHttpDate(value, NOW)).toBeNull();
  });
});
