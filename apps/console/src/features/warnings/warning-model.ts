import type { WarningLevel, WarningStatus, WarningView } from '@app/warnings/contract';
import type { Session } from '../../ui-types';

/**
 * The warnings screen's pure rules: which list a filter asks for, the order the watch reads them in, what a role may do
 * with a warning now, the polygon as typed, wall times in the jurisdiction's zone, and the CAP file's name.
 */

export const WARNING_LEVELS: readonly WarningLevel[] = ['red', 'orange', 'yellow', 'blue'];
export const WARNING_CHANNELS = [
  'sms',
  'broadcast',
  'tv',
  'web',
  'app',
  'loudspeaker',
  'wechat',
  'weibo',
  'siren',
  'display',
] as const;

export interface WarningFilter {
  status: WarningStatus | 'all';
  level: WarningLevel | 'all';
  /** Absent: the real warnings; a drill's id: that drill's warnings only (drill data never mixes in). */
  drillId: string | null;
}

export const WARNINGS_KEY = 'warnings';
export const warningsKey = (filter: WarningFilter) =>
  [WARNINGS_KEY, 'list', filter.status, filter.level, filter.drillId ?? 'real'] as const;

export function filterOfKey(key: readonly unknown[]): WarningFilter | undefined {
  if (key[0] !== WARNINGS_KEY || key[1] !== 'list' || key.length !== 5) return undefined;
  return {
    status: key[2] as WarningFilter['status'],
    level: key[3] as WarningFilter['level'],
    drillId: key[4] === 'real' ? null : (key[4] as string),
  };
}

export function warningsPath(filter: WarningFilter): string {
  const query = new URLSearchParams();
  if (filter.status !== 'all') query.set('status', filter.status);
  if (filter.level !== 'all') query.set('level', filter.level);
  if (filter.drillId) query.set('drillId', filter.drillId);
  const text = query.toString();
  return `/warnings${text ? `?${text}` : ''}`;
}

/** The status as of `now`: a warning the server sent as in force reads expired once its expiry passes on screen. */
export function statusAt(warning: Pick<WarningView, 'status' | 'expires'>, now: number): WarningStatus {
  if (warning.status === 'lifted') return 'lifted';
  return Date.parse(warning.expires) <= now ? 'expired' : 'active';
}

const LEVEL_RANK: Record<WarningLevel, number> = { red: 0, orange: 1, yellow: 2, blue: 3 };

/** The server's order: in force first, the most serious level first among them, then the newest. */
export function byUrgency(now: number) {
  return (a: WarningView, b: WarningView): number =>
    Number(statusAt(a, now) !== 'active') - Number(statusAt(b, now) !== 'active') ||
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
    Date.parse(b.issuedAt) - Date.parse(a.issuedAt) ||
    (a.id < b.id ? -1 : 1);
}

export function matches(warning: WarningView, filter: WarningFilter, now: number): boolean {
  return (
    (warning.drillId ?? null) === filter.drillId &&
    (filter.status === 'all' || statusAt(warning, now) === filter.status) &&
    (filter.level === 'all' || warning.level === filter.level)
  );
}

/**
 * A cached list after a live delta or a command's answer: the warning replaces its older self (an older revision is
 * ignored, since deltas and a refetch may cross), joins the list when it matches, leaves it when it no longer does.
 */
export function patchWarnings(
  list: WarningView[] | undefined,
  warning: WarningView,
  filter: WarningFilter,
  now: number,
): WarningView[] | undefined {
  if (!list) return list;
  const current = list.find((w) => w.id === warning.id);
  if (current && current.revision > warning.revision) return list;
  const rest = list.filter((w) => w.id !== warning.id);
  return (matches(warning, filter, now) ? [...rest, warning] : rest).sort(byUrgency(now));
}

/** Who may issue, adjust and lift: the watch (duty officers, commanders) real and drill warnings; drill coordinators drill ones. */
export function mayIssue(session: Session, drill: boolean): boolean {
  const roles: readonly string[] = session.user.roles;
  if (roles.includes('duty_officer') || roles.includes('commander')) return true;
  return drill && roles.includes('drill_coordinator');
}

/** 调整 and 解除 only where the role may act and the warning can still take them (not lifted, not expired). */
export function mayChange(session: Session, warning: WarningView, now: number): boolean {
  return mayIssue(session, warning.drillId !== null) && statusAt(warning, now) === 'active';
}

// --- the polygon as typed: one vertex a line, "latitude, longitude" ---------------------------------------------

export interface Point {
  lat: number;
  lng: number;
}

export type PolygonParse = { points: Point[]; badLine: null } | { points: Point[]; badLine: number };

/** The vertices of a typed polygon; `badLine` is the first line (1-based) that is not a latitude and a longitude. */
export function parsePolygon(text: string): PolygonParse {
  const points: Point[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const m = /^(-?\d+(?:\.\d+)?)\s*[,，\s]\s*(-?\d+(?:\.\d+)?)$/.exec(line);
    const lat = m ? Number(m[1]) : NaN;
    const lng = m ? Number(m[2]) : NaN;
    if (!m || Math.abs(lat) > 90 || Math.abs(lng) > 180) return { points, badLine: i + 1 };
    points.push({ lat, lng });
  }
  return { points, badLine: null };
}

export function polygonText(points: readonly Point[]): string {
  return points.map((p) => `${p.lat}, ${p.lng}`).join('\n');
}

/** The ring CAP wants (first point repeated last), from the vertices as drawn; a stored ring loses its repeat. */
export function closeRing(points: readonly Point[]): Point[] {
  if (points.length === 0) return [];
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return first.lat === last.lat && first.lng === last.lng ? [...points] : [...points, { ...first }];
}

export function openRing(ring: readonly Point[] | null): Point[] {
  if (!ring || ring.length === 0) return [];
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  return ring.length > 1 && first.lat === last.lat && first.lng === last.lng ? ring.slice(0, -1) : [...ring];
}

export function distinctCorners(points: readonly Point[]): number {
  return new Set(points.map((p) => `${p.lat},${p.lng}`)).size;
}

// --- wall times in a zone ------------------------------------------------------------------------------------------

function wallParts(instant: number, zone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const out: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in minutes. */
function offsetMinutes(instant: number, zone: string): number {
  const w = wallParts(instant, zone);
  const asUtc = Date.UTC(w.year!, w.month! - 1, w.day!, w.hour! % 24, w.minute!, w.second!);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as an `<input type="datetime-local">` value on the zone's wall clock. */
export function toZonedInput(instant: number, zone: string): string {
  const w = wallParts(instant, zone);
  return `${w.year}-${pad(w.month!)}-${pad(w.day!)}T${pad(w.hour! % 24)}:${pad(w.minute!)}`;
}

/** A `datetime-local` value read on the zone's wall clock, as an ISO instant with that zone's offset; null if malformed. */
export function zonedInputToIso(value: string, zone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(wall)) return null;
  // The offset at the guessed instant, then again at the corrected one (a change of offset lies between them).
  let offset = offsetMinutes(wall, zone);
  offset = offsetMinutes(wall - offset * 60_000, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The calendar day of an instant in the zone, `2026-12-06`. */
export function zonedDay(instant: number, zone: string): string {
  return toZonedInput(instant, zone).slice(0, 10);
}

/**
 * The downloaded CAP file's name: `预警-<hazard>-<day the latest message was sent, local>.xml`. Characters no file
 * system takes (and path separators) become `_`, so a hazard cannot steer where the file goes.
 */
export function capFileName(warning: WarningView, prefix: string): string {
  const sent = warning.messages[warning.messages.length - 1]?.sent ?? warning.issuedAt;
  const hazard =
    [...warning.hazard]
      .map((c) => (/[\\/:*?"<>|]/.test(c) || c.charCodeAt(0) < 0x20 ? '_' : c))
      .join('')
      .trim() || '_';
  return `${prefix}-${hazard}-${zonedDay(Date.parse(sent), warning.timeZone)}.xml`;
}

/** The zone as people name it ("中国标准时间"), not its database id; the id when Intl has no name for it. */
export function zoneName(zone: string, lang: 'zh' | 'en'): string {
  try {
    const format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { timeZone: zone, timeZoneName: 'long' });
    return format.formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}
