import { TZDate } from '@date-fns/tz';

export type CalendarUnit = 'day' | 'month' | 'year';

/** A calendar period of a zone: the instant it starts and its key (`2026`, `2026-03`, `2026-03-07`). */
export interface ZonedPeriod {
  start: Date;
  key: string;
}

/**
 * The calendar periods of `zone` that [from, to) touches, in order, the first one starting at or before `from`; at
 * most `limit` of them (undefined past it: the caller groups another way). Statistics bucket instants by these
 * starts instead of formatting every row's instant in its zone.
 */
export function zonedPeriods(
  from: Date,
  to: Date,
  unit: CalendarUnit,
  zone: string,
  limit: number,
): ZonedPeriod[] | undefined {
  if (!(from.getTime() < to.getTime())) return [];
  const local = new TZDate(from.getTime(), zone);
  let year = local.getFullYear();
  let month = unit === 'year' ? 0 : local.getMonth();
  let day = unit === 'day' ? local.getDate() : 1;
  const periods: ZonedPeriod[] = [];
  for (;;) {
    // The wall-clock start of the period in the zone (TZDate normalises a day or month past the end of its range).
    const start = new TZDate(year, month, day, 0, 0, 0, 0, zone);
    if (start.getTime() >= to.getTime()) return periods;
    if (periods.length >= limit) return undefined;
    const y = String(start.getFullYear()).padStart(4, '0');
    const m = String(start.getMonth() + 1).padStart(2, '0');
    const d = String(start.getDate()).padStart(2, '0');
    periods.push({
      start: new Date(start.getTime()),
      key: unit === 'year' ? y : unit === 'month' ? `${y}-${m}` : `${y}-${m}-${d}`,
    });
    [year, month, day] = [start.getFullYear(), start.getMonth(), start.getDate()];
    if (unit === 'year') year++;
    else if (unit === 'month') month++;
    else day++;
  }
}
