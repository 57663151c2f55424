import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * Working days (工作日) of the mainland calendar: Monday to Friday, except the statutory holidays the State Council
 * announces each year, plus the weekend days it turns into working days (调休上班). Dates are calendar dates
 * `YYYY-MM-DD` in the jurisdiction's own zone; the arithmetic runs on UTC midnights so no zone or daylight rule can
 * shift a day.
 */

/** One year's announcement: the holidays on working days and the weekend days that are worked instead. */
export interface WorkingDayYear {
  year: number;
  /** Days off that would otherwise be working days (weekends inside a holiday need not be listed). */
  holidays: readonly string[];
  /** Saturdays and Sundays that are working days (调休上班). */
  workingWeekendDays: readonly string[];
  /** Where the year's data comes from (the notice, its address). */
  source: string;
}

/** The years a deployment knows; a year missing here is counted Monday to Friday and marked provisional. */
export type WorkingDayCalendar = Readonly<Record<number, WorkingDayYear>>;

export interface CountedDate {
  date: string;
  /** True when a day counted lies in a year the calendar does not know (its holidays could move the date). */
  provisional: boolean;
}

const DAY = 86_400_000;

const toUtc = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Whether `date` is a working day, and whether the calendar knows its year. */
export function workingDay(date: string, calendar: WorkingDayCalendar): { working: boolean; known: boolean } {
  const year = calendar[Number(date.slice(0, 4))];
  const weekday = new Date(toUtc(date)).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  if (!year) return { working: !weekend, known: false };
  if (year.holidays.includes(date)) return { working: false, known: true };
  if (weekend) return { working: year.workingWeekendDays.includes(date), known: true };
  return { working: true, known: true };
}

/**
 * The `count`-th working day after `start`. The day of the event itself is not counted: a period counted in days
 * starts on the next day (《民法典》第二百零一条), so "within 20 working days of publication" ends on the 20th working
 * day after the day of publication, inclusive.
 */
export function addWorkingDays(start: string, count: number, calendar: WorkingDayCalendar): CountedDate {
  let ms = toUtc(start);
  let counted = 0;
  let provisional = false;
  while (counted < count) {
    ms += DAY;
    const day = workingDay(fromUtc(ms), calendar);
    if (!day.known) provisional = true;
    if (day.working) counted++;
  }
  return { date: fromUtc(ms), provisional };
}

/** `date` plus whole calendar months; a day the target month lacks falls on its last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(d, last)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY);
}

/**
 * The calendar date of a request's date field in the jurisdiction's zone: a bare date is taken as it is, an
 * instant is read on the local clock (23:30 UTC is already the next day in Beijing).
 */
export function localDate(dateOrInstant: string | Date, timeZone: string): string {
  if (typeof dateOrInstant === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dateOrInstant)) return dateOrInstant;
  const ms = typeof dateOrInstant === 'string' ? Date.parse(dateOrInstant) : dateOrInstant.getTime();
  return format(new TZDate(ms, timeZone), 'yyyy-MM-dd');
}
