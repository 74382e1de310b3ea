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

/** Business days strictly after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function businessDaysBetween(from: CalendarDate, to: CalendarDate): number {
  // Capped at ten years: a typo such as 08/06/2931 must not loop over nine centuries.
  const last = Math.min(dayNumber(to), dayNumber(from) + 3660);
  let count = 0;
  for (let n = dayNumber(from) + 1; n <= last; n++) {
    if (isBusinessDay(fromDayNumber(n))) count++;
  }
  return count;
}

/** The filing deadline of a Form 4 for a transaction executed on `date`. */
export function form4Deadline(date: CalendarDate): CalendarDate {
  return addBusinessDays(date, 2);
}
