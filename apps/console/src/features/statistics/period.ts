/**
 * Statistical periods are calendar periods of the jurisdiction's zone (docs/domain.md rule 26): a period chosen on
 * screen is a span of local dates, sent to the server as the instants its first day and the day after its last day
 * begin there, written with that zone's offset (`2026-01-01T00:00:00+08:00`), whatever the browser's own zone.
 */
export type PeriodPreset = 'thisMonth' | 'thisYear' | 'lastYear' | 'custom';

/** A span of local dates, both inclusive, `YYYY-MM-DD`. */
export interface DateSpan {
  first: string;
  last: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Today's date in `zone`. */
export function todayIn(zone: string, now: Date = new Date()): { y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: part('year'), m: part('month'), d: part('day') };
}

const isoDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** The last day of month `m` (1–12) of year `y`. */
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The dates a preset covers on `now` in `zone` (this month and this year up to their last day). */
export function presetSpan(preset: Exclude<PeriodPreset, 'custom'>, zone: string, now: Date = new Date()): DateSpan {
  const { y, m } = todayIn(zone, now);
  switch (preset) {
    case 'thisMonth':
      return { first: isoDate(y, m, 1), last: isoDate(y, m, lastDayOf(y, m)) };
    case 'thisYear':
      return { first: isoDate(y, 1, 1), last: isoDate(y, 12, 31) };
    case 'lastYear':
      return { first: isoDate(y - 1, 1, 1), last: isoDate(y - 1, 12, 31) };
  }
}

/** Minutes `zone` is ahead of UTC at `at` (480 for Beijing time). */
export function offsetMinutes(zone: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):?(\d{2})?$/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

const offsetText = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/** The instant the local date `YYYY-MM-DD` begins in `zone`, with that zone's offset then. */
export function startOfDay(date: string, zone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  // The offset at the instant itself: guess with the offset at the wall time, then correct once (a zone that changed
  // its offset during the night).
  let offset = offsetMinutes(zone, new Date(wall));
  offset = offsetMinutes(zone, new Date(wall - offset * 60_000));
  return `${isoDate(y, m, d)}T00:00:00${offsetText(offset)}`;
}

/** The local date after `date`. */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return isoDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** A well-formed span (a real first date not after the last), or null. */
export function validSpan(span: DateSpan): boolean {
  const ok = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
  return ok(span.first) && ok(span.last) && span.first <= span.last;
}

/** `from` (inclusive) and `to` (exclusive) of the server's query for a span of local dates. */
export function spanInstants(span: DateSpan, zone: string): { from: string; to: string } {
  return { from: startOfDay(span.first, zone), to: startOfDay(nextDay(span.last), zone) };
}
