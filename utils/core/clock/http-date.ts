/**
 * Parses an HTTP-date (RFC 9110 §5.6.7): the preferred IMF-fixdate and the two obsolete forms a
 * recipient must still accept, rfc850-date and asctime-date. Anything else is refused (null):
 * a clock check with a date it cannot read does nothing, rather than guess.
 *
 *   IMF-fixdate   Sun, 06 Nov 1994 08:49:37 GMT
 *   rfc850-date   Sunday, 06-Nov-94 08:49:37 GMT
 *   asctime-date  Sun Nov  6 08:49:37 1994
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const IMF_FIXDATE = new RegExp(`^(${DAYS.join('|')}), (\\d{2}) (${MONTHS.join('|')}) (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^(${LONG_DAYS.join('|')}), (\\d{2})-(${MONTHS.join('|')})-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^(${DAYS.join('|')}) (${MONTHS.join('|')}) ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * The start of the second `value` names, in ms since the epoch, or null when it is no HTTP-date
 * or names no real moment (31 Feb, hour 24, a weekday that does not match the date, a year
 * before 1970). `now` (ms)
 * places rfc850's two-digit year: one more than 50 years ahead is in the past century (§5.6.7).
 */
export function parseHttpDate(value: string, now: number): number | null {
  const text = value.trim();
  let match = IMF_FIXDATE.exec(text);
  if (match) {
    const [, day, date, month, year, h, m, s] = match;
    return moment(DAYS.indexOf(day!), Number(year), month!, date!, h!, m!, s!);
  }
  match = RFC850_DATE.exec(text);
  if (match) {
    const [, day, date, month, yy, h, m, s] = match;
    const thisYear = new Date(now).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(yy);
    if (year > thisYear + 50) year -= 100;
    return moment(LONG_DAYS.indexOf(day!), year, month!, date!, h!, m!, s!);
  }
  match = ASCTIME_DATE.exec(text);
  if (match) {
    const [, day, month, date, h, m, s, year] = match;
    return moment(DAYS.indexOf(day!), Number(year), month!, date!.trim(), h!, m!, s!);
  }
  return null;
}

/** The moment, if every field is in range (second 60: a leap second, §5.6.7) and the weekday agrees. */
function moment(weekday: number, year: number, month: string, date: string, h: string, m: string, s: string) {
  const monthIndex = MONTHS.indexOf(month);
  const [day, hour, minute, second] = [Number(date), Number(h), Number(m), Number(s)];
  const daysInMonth = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 60) return null;
  // Before the epoch no clock is set; Date.UTC would also read years 0–99 as 1900–1999.
  if (year < 1970) return null;
  const at = Date.UTC(year, monthIndex, day, hour, minute, Math.min(second, 59));
  return new Date(at).getUTCDay() === weekday ? at : null;
}
