import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
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

/** Applies one alarm (from a delta or a command's answer) to every cached alarm list. */
export function applyAlarm(client: QueryClient, alarm: AlarmView): void {
  let seen = seenRevisions.get(client);
  if (!seen) seenRevisions.set(client, (seen = new Map<string, number>()));
  if ((seen.get(alarm.id) ?? -1) > alarm.revision) return;
  seen.set(alarm.id, alarm.revision);
  for (const query of client.getQueryCache().findAll({ queryKey: ['alarms'] })) {
    const filter = filterOfKey(query.queryKey);
    if (!filter) continue;
    client.setQueryData<AlarmView[]>(query.queryKey, (list) => patchAlarms(list, alarm, filter));
  }
}

/**
 * Patches the cached alarm lists from the live line; `onRaised` hears each newly raised alarm (the bell's sound and
 * notification). Mounted once, in the shell, so the lists stay current whichever screen is open.
 */
export function useAlarmDeltas(onRaised?: (alarm: AlarmView) => void): void {
  const client = useQueryClient();
  useLiveMessages(['alarm.raised', 'alarm.changed'], (message) => {
    const alarm = message.data as AlarmView | undefined;
    if (!alarm || typeof alarm !== 'object' || typeof alarm.id !== 'string') return;
    applyAlarm(client, alarm);
    if (message.name === 'alarm.raised') onRaised?.(alarm);
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
