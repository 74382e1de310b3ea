/**
 * Calendar dates without time zones. A Form 4 date is a day on the calendar; JavaScript's
 * Date would shift it by the machine's time zone, so dates are kept as year, month and day
 * and compared through a day number.
 */
export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A date, or undefined when the day does not exist (02/30/2023). */
export function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export type DateReading =
  | { readonly kind: 'date'; readonly date: CalendarDate }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Reads MM/DD/YYYY (one-digit month or day accepted). Explains what is wrong otherwise, so
 * that `invalid-date` can say more than "invalid".
 */
export function readDate(text: string): DateReading {
  const t = text.trim();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) {
    if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(t)) {
      return { kind: 'invalid', reason: 'dates are written MM/DD/YYYY, not YYYY-MM-DD' };
    }
    if (/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(t)) {
      return { kind: 'invalid', reason: 'the year needs four digits (MM/DD/YYYY)' };
    }
    return { kind: 'invalid', reason: 'expected a date as MM/DD/YYYY' };
  }
  const month = Number(m[1]);
  const day = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12) return { kind: 'invalid', reason: `there is no month ${month}` };
  if (year < 1900 || year > 2999) return { kind: 'invalid', reason: `the year ${year} is out of range` };
  const date = calendarDate(year, month, day);
  if (!date) {
    return { kind: 'invalid', reason: `${capitalizedMonth(MONTH_NAMES[month - 1] ?? 'that month')} ${year} has no day ${day}` };
  }
  return { kind: 'date', date };
}

/** Days since 1970-01-01 (proleptic Gregorian); only differences matter. */
export function dayNumber(d: CalendarDate): number {
  // Howard Hinnant's days_from_civil algorithm.
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): CalendarDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(d) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: CalendarDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(d) + 4) % 7) + 7) % 7;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayName(d: CalendarDate): string {
  return WEEKDAY_NAMES[weekday(d)] ?? '';
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `08/06/2013`, as the form writes dates. */
export function formatDate(d: CalendarDate): string {
  return `${pad2(d.month)}/${pad2(d.day)}/${d.year}`;
}

/** `2013-08-06`, as EDGAR's XML writes dates. */
export function formatIsoDate(d: CalendarDate): string {
  return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
}

/**
 * Finds dates written in prose, as footnotes write them: "February 21, 2013",
 * "Feb. 21, 2013", "21 February 2013", "2/21/2013". Returns them in order of appearance.
 */
export function datesInProse(text: string): { date: CalendarDate; index: number; length: number }[] {
  const found: { date: CalendarDate; index: number; length: number }[] = [];
  const monthPattern = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
  const patterns: { re: RegExp; read: (m: RegExpExecArray) => CalendarDate | undefined }[] = [
    {
      re: new RegExp(`\\b${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
      read: (m) => calendarDate(Number(m[3]), monthIndex(m[1] ?? ''), Number(m[2])),
    },
    {
      re: new RegExp(`\\b(\\d{1,2})\\s+${monthPattern},?\\s+(\\d{4})\\b`, 'gi'),
      read: (m) => calendarDate(Number(m[3]), monthIndex(m[2] ?? ''), Number(m[1])),
    },
    {
      re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g,
      read: (m) => calendarDate(Number(m[3]), Number(m[1]), Number(m[2])),
    },
  ];
  for (const { re, read } of patterns) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const date = read(m);
      if (date) found.push({ date, index: m.index, length: m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function monthIndex(name: string): number {
  const key = name.toLowerCase().slice(0, 3);
  return MONTH_NAMES.findIndex((m) => m.startsWith(key)) + 1;
}

/** "february" as a message writes it: "February" ("that month" stays as it is). */
function capitalizedMonth(name: string): string {
  return name === 'that month' ? name : name.charAt(0).toUpperCase() + name.slice(1);
}
