/**
 * Business days for filing deadlines: weekdays that are not US federal holidays (Form 4,
 * General Instruction 1(a): "before the end of the second business day following the day on
 * which a transaction … has been executed"). The holidays, with their observed dates when they
 * fall on a weekend, come from the 18F us-federal-holidays library, which follows the Office of
 * Personnel Management's calendar (Juneteenth from 2021 on, for example).
 */
import { allForYear } from '@18f/us-federal-holidays';
import { addDays, type CalendarDate, dayNumber, formatIsoDate, fromDayNumber, weekday } from './calendarDate';

const holidaysByYear = new Map<number, Map<string, string>>();

/** Observed federal holidays falling in `year`, by ISO date, with their names. */
function holidaysIn(year: number): Map<string, string> {
  let set = holidaysByYear.get(year);
  if (!set) {
    set = new Map();
    // New Year's Day of next year is observed on December 31 when January 1 is a Saturday.
    for (const y of [year, year + 1]) {
      for (const holiday of allForYear(y)) {
        if (holiday.dateString.startsWith(`${year}-`)) set.set(holiday.dateString, holiday.name);
      }
    }
    holidaysByYear.set(year, set);
  }
  return set;
}

/** The federal holiday observed on `date`, if any. */
export function federalHoliday(date: CalendarDate): string | undefined {
  return holidaysIn(date.year).get(formatIsoDate(date));
}

export function isBusinessDay(date: CalendarDate): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && federalHoliday(date) === undefined;
}

/** The `n`th business day after `date` (n ≥ 1). */
export function addBusinessDays(date: CalendarDate, n: number): CalendarDate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isBusinessDay(d)) left--;
  }
  return d;
}

/** The day numbers of the observed federal holidays of `year` that fall on a weekday. */
const weekdayHolidaysByYear = new Map<number, readonly number[]>();

function weekdayHolidays(year: number): readonly number[] {
  let days = weekdayHolidaysByYear.get(year);
  if (!days) {
    const found: number[] = [];
    days = found;
    for (const iso of holidaysIn(year).keys()) {
      const [y, m, d] = iso.split('-').map(Number);
      const n = dayNumber({ year: y ?? year, month: m ?? 1, day: d ?? 1 });
      const wd = (((n + 4) % 7) + 7) % 7;
      if (wd !== 0 && wd !== 6) found.push(n);
    }
    weekdayHolidaysByYear.set(year, days);
  }
  return days;
}

/** Weekdays among the day numbers 1 … n (day 0, 1970-01-01, was a Thursday). */
function weekdaysUpTo(n: number): number {
  const weeks = Math.floor(n / 7);
  let count = weeks * 5;
  for (let k = weeks * 7 + 1; k <= n; k++) {
    const wd = (((k + 4) % 7) + 7) % 7;
    if (wd !== 0 && wd !== 6) count++;
  }
  return count;
}

/**
 * Business days strictly after `from` up to and including `to` (0 when `to` ≤ `from`): the
 * weekdays, counted by whole weeks, less the holidays observed on a weekday. Counted day by
 * day, a row dated years away from the signature cost thousands of holiday look-ups per check.
 */
export function businessDaysBetween(from: CalendarDate, to: CalendarDate): number {
  // Capped at ten years: a typo such as 08/06/2931 counts as ten years, not nine centuries.
  const first = dayNumber(from);
  const last = Math.min(dayNumber(to), first + 3660);
  if (last <= first) return 0;
  let count = weekdaysUpTo(last) - weekdaysUpTo(first);
  const lastYear = fromDayNumber(last).year;
  for (let year = from.year; year <= lastYear; year++) {
    for (const n of weekdayHolidays(year)) if (n > first && n <= last) count--;
  }
  return count;
}

/** The filing deadline of a Form 4 for a transaction executed on `date`. */
export function form4Deadline(date: CalendarDate): CalendarDate {
  return addBusinessDays(date, 2);
}
