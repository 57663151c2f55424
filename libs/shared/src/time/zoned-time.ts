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
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
