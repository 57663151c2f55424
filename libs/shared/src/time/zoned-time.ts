import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';

/**
 * Instants are stored in UTC; people read them in their jurisdiction's zone. `@date-fns/tz` does the zone
 * arithmetic (with the IANA data of the runtime) so we never hand-roll offsets.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** ISO 8601 with the zone's offset, e.g. `2026-11-22T23:15:00+08:00`. */
export function toZonedIso(instant: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const t = date.getTime();
  const shift = Number.isFinite(t) ? shiftAround(t, timeZone) : undefined;
  if (!shift) return formatISO(new TZDate(t, timeZone));
  return `${new Date(t + shift.ms).toISOString().slice(0, 19)}${shift.offset}`;
}

/**
 * A zone's offset is the same for long stretches, but asking `@date-fns/tz` for it costs a round of `Intl` per call
 * (a page of the board formats over a thousand instants). The wall-clock shift and the offset text are kept per zone
 * and quarter hour, and only when the stretch's first and last millisecond agree, so a quarter in which the offset
 * changes is always formatted the long way; the answer is the same text `formatISO` gives (a unit test compares).
 */
const QUARTER_MS = 15 * 60_000;
const shifts = new Map<string, { ms: number; offset: string } | null>();

function shiftAround(t: number, timeZone: string): { ms: number; offset: string } | undefined {
  const quarter = Math.floor(t / QUARTER_MS);
  const key = `${timeZone}|${quarter}`;
  const known = shifts.get(key);
  if (known !== undefined) return known ?? undefined;
  const first = shiftAt(quarter * QUARTER_MS, timeZone);
  const last = shiftAt((quarter + 1) * QUARTER_MS - 1, timeZone);
  const same = first && last && first.ms === last.ms && first.offset === last.offset ? first : null;
  if (shifts.size >= 50_000) shifts.clear();
  shifts.set(key, same);
  return same ?? undefined;
}

function shiftAt(t: number, timeZone: string): { ms: number; offset: string } | null {
  const zoned = new TZDate(t, timeZone);
  const year = zoned.getFullYear();
  // toISOString writes other years with six digits and a sign; formatISO does not.
  if (year < 1000 || year > 9999) return null;
  const wall = Date.UTC(
    year,
    zoned.getMonth(),
    zoned.getDate(),
    zoned.getHours(),
    zoned.getMinutes(),
    zoned.getSeconds(),
    zoned.getMilliseconds(),
  );
  const text = formatISO(zoned);
  return { ms: wall - t, offset: text.slice(19) };
}

/**
 * The years an instant the system accepts may fall in. Incident histories are keyed in from the paper records of
 * the bureaus, which go back to the early twentieth century at the most; nothing before 1900 is a meaningful report
 * time, and nothing after 2999 is a meaningful deadline. The bound also keeps every accepted instant well inside what
 * PostgreSQL's timestamptz and JavaScript's Date can hold: year 0000 parses in JavaScript but PostgreSQL has no year
 * zero, and such a value written to a read model would stop its projection.
 */
export const INSTANT_YEAR_RANGE = { min: 1900, max: 2999 } as const;

/** Why a text is not an acceptable instant: wrong shape, a date or time that does not exist, or outside the range. */
export type InstantProblem = 'format' | 'calendar' | 'range';

/** Parses an ISO 8601 timestamp that must carry an offset or `Z`; local-clock strings are ambiguous. */
export function parseInstant(text: string): Date | undefined {
  const checked = checkInstant(text);
  return checked instanceof Date ? checked : undefined;
}

/** What is wrong with the text as an instant, or undefined when it is one the system accepts. */
export function instantProblem(text: string): InstantProblem | undefined {
  const checked = checkInstant(text);
  return checked instanceof Date ? undefined : checked;
}

/** The one check every instant of every request goes through (shape, calendar, range). */
function checkInstant(text: string): Date | InstantProblem {
  const match = INSTANT.exec(text);
  if (!match) return 'format';
  // JavaScript's Date quietly rolls impossible dates over (2026-02-30 becomes 2 March) and takes 24:00; a report
  // time that never existed must be refused, so every field is checked against the calendar first.
  const [, y, mo, d, h, mi, s, , oh, om] = match.map(Number) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > daysInMonth(y!, mo!) || h! > 23 || mi! > 59 || (s ?? 0) > 59)
    return 'calendar';
  if (match[8] !== undefined && (oh! > 14 || om! > 59)) return 'calendar';
  if (y! < INSTANT_YEAR_RANGE.min || y! > INSTANT_YEAR_RANGE.max) return 'range';
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? 'calendar' : date;
}

/** A calendar date `YYYY-MM-DD` (a filing date, say): the same calendar and range rules as an instant. */
export function calendarDateProblem(text: string): InstantProblem | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return 'format';
  const [, y, mo, d] = match.map(Number) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > daysInMonth(y!, mo!)) return 'calendar';
  if (y! < INSTANT_YEAR_RANGE.min || y! > INSTANT_YEAR_RANGE.max) return 'range';
  return undefined;
}

/** `2026-11-22T13:40[:00[.123]]` with `Z` or an offset; groups: year, month, day, hour, minute, second, fraction, offset hours, offset minutes. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/i;

/** Whether the text looks like an instant (shape only): tells "wrong format" apart from "no such date". */
export function looksLikeInstant(text: string): boolean {
  return INSTANT.test(text);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
