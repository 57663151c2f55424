import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { AlarmView } from '@app/alarms/contract';
import { get } from '../../api';
import { useLiveMessages } from '../../app/live-events';
import { alarmsKey, alarmsPath, filterOfKey, matches, patchAlarms, type AlarmFilter } from './alarm-cache';

/** A list of the alarm centre, as the server sorts it, kept current by `alarm.raised` / `alarm.changed`. */
export function useAlarmList(filter: AlarmFilter) {
  return useQuery({
    queryKey: alarmsKey(filter),
    queryFn: async () => {
      const list = await get<AlarmView[]>(alarmsPath(filter));
      return list.filter((a) => matches(a, filter));
    },
  });
}

/**
 * The newest revision this session has seen of each alarm: a list that no longer holds an alarm (acknowledged, so out
 * of the unacknowledged list) must not take it back from an older delta arriving late (a resume, a command's answer).
 */
const seenRevisions = new WeakMap<QueryClient, Map<string, number>>();

/** Applies one alarm (from a delta or a command's answer) to every cached alarm list; false when it is older. */
export function applyAlarm(client: QueryClient, alarm: AlarmView): boolean {
  let seen = seenRevisions.get(client);
  if (!seen) seenRevisions.set(client, (seen = new Map<string, number>()));
  if ((seen.get(alarm.id) ?? -1) > alarm.revision) return false;
  seen.set(alarm.id, alarm.revision);
  for (const query of client.getQueryCache().findAll({ queryKey: ['alarms'] })) {
    const filter = filterOfKey(query.queryKey);
    if (!filter) continue;
    client.setQueryData<AlarmView[]>(query.queryKey, (list) => patchAlarms(list, alarm, filter));
  }
  return true;
}

/** Why the bell speaks up: an alarm newly raised, or one nobody acknowledged that went up a level. */
export type AlarmNotice = 'raised' | 'escalated';

/**
 * Patches the cached alarm lists from the live line; `onNotice` hears each alarm newly raised and each one escalated
 * while still unacknowledged (the bell's notification), never one replayed after a newer state (a resume after a
 * reconnect replays deltas this console may already have overtaken). Mounted once, in the shell.
 */
export function useAlarmDeltas(onNotice?: (alarm: AlarmView, why: AlarmNotice) => void): void {
  const client = useQueryClient();
  const levels = useRef(new Map<string, number>());
  useLiveMessages(['alarm.raised', 'alarm.changed'], (message) => {
    const alarm = message.data as AlarmView | undefined;
    if (!alarm || typeof alarm !== 'object' || typeof alarm.id !== 'string') return;
    if (!applyAlarm(client, alarm)) return;
    const before = levels.current.get(alarm.id) ?? 0;
    const level = alarm.escalation?.level ?? 0;
    levels.current.set(alarm.id, level);
    if (alarm.status !== 'raised') return;
    if (message.name === 'alarm.raised') onNotice?.(alarm, 'raised');
    else if (level > before) onNotice?.(alarm, 'escalated');
  });
}

/** The time now, renewed every `everyMs`: minute counts that move while the screen is open. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
