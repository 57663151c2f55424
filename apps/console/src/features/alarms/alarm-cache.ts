import type { AlarmKind, AlarmStatus, AlarmView } from '@app/alarms/contract';

/** What a list of the alarm centre asks for; `status: 'open'` is raised and acknowledged together. */
export interface AlarmFilter {
  status: AlarmStatus | 'open' | 'all';
  kind: AlarmKind | 'all';
}

export const ALARMS_KEY = 'alarms';
export const alarmsKey = (filter: AlarmFilter) => [ALARMS_KEY, filter.status, filter.kind] as const;
/** The bell's list: every unacknowledged alarm of the user's jurisdictions. */
export const UNACKNOWLEDGED: AlarmFilter = { status: 'raised', kind: 'all' };

/** The server's query for a filter (`open` is read as the whole list, unacknowledged first, and filtered here). */
export function alarmsPath(filter: AlarmFilter): string {
  const query = new URLSearchParams();
  if (filter.status !== 'open' && filter.status !== 'all') query.set('status', filter.status);
  if (filter.kind !== 'all') query.set('kind', filter.kind);
  const text = query.toString();
  return `/alarms${text ? `?${text}` : ''}`;
}

export function matches(alarm: AlarmView, filter: AlarmFilter): boolean {
  const status =
    filter.status === 'all' ||
    alarm.status === filter.status ||
    (filter.status === 'open' && alarm.status !== 'resolved');
  return status && (filter.kind === 'all' || alarm.kind === filter.kind);
}

const STATUS_RANK: Record<AlarmStatus, number> = { raised: 0, acknowledged: 1, resolved: 2 };

/** The server's order: unacknowledged first, then by urgency (class, then due time), then by id. */
export function byUrgency(a: AlarmView, b: AlarmView): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.urgency - b.urgency || (a.id < b.id ? -1 : 1);
}

/**
 * A cached list after a live delta: the alarm replaces its older self (a delta older than what the list holds is
 * ignored: deltas and a refetch may cross), joins the list when it now matches the filter, leaves it when it no
 * longer does.
 */
export function patchAlarms(
  list: AlarmView[] | undefined,
  alarm: AlarmView,
  filter: AlarmFilter,
): AlarmView[] | undefined {
  if (!list) return list;
  const current = list.find((a) => a.id === alarm.id);
  if (current && current.revision > alarm.revision) return list;
  const rest = list.filter((a) => a.id !== alarm.id);
  return (matches(alarm, filter) ? [...rest, alarm] : rest).sort(byUrgency);
}

export function filterOfKey(key: readonly unknown[]): AlarmFilter | undefined {
  if (key[0] !== ALARMS_KEY || key.length !== 3) return undefined;
  return { status: key[1] as AlarmFilter['status'], kind: key[2] as AlarmFilter['kind'] };
}
