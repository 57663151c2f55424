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
  return formatISO(new TZDate(date.getTime(), timeZone));
}

/** Parses an ISO 8601 timestamp that must carry an offset or `Z`; local-clock strings are ambiguous. */
export function parseInstant(text: string): Date | undefined {
  const match = INSTANT.exec(text);
  if (!match) return undefined;
  // JavaScript's Date quietly rolls impossible dates over (2026-02-30 becomes 2 March) and takes 24:00; a report
  // time that never existed must be refused, so every field is checked against the calendar first.
  const [, y, mo, d, h, mi, s, , oh, om] = match.map(Number) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > daysInMonth(y!, mo!) || h! > 23 || mi! > 59 || (s ?? 0) > 59) return undefined;
  if (match[8] !== undefined && (oh! > 14 || om! > 59)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
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
