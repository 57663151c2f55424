import type { AlarmView } from '@app/alarms/contract';

export interface AlarmGroup {
  /** `<subject type>:<subject id>`: one incident, roll call, warehouse or warning. */
  key: string;
  alarms: AlarmView[];
}

/**
 * Alarms of one subject side by side, in the order of each subject's most urgent alarm. One overdue incident owes
 * the city a report and four parties a notification; shown as five unrelated cards they bury the next incident's
 * alarm, which is what a duty officer at 3 a.m. must not miss.
 */
export function groupBySubject(alarms: readonly AlarmView[]): AlarmGroup[] {
  const groups = new Map<string, AlarmGroup>();
  for (const alarm of alarms) {
    const key = `${alarm.subject.type}:${alarm.subject.id}`;
    const group = groups.get(key);
    if (group) group.alarms.push(alarm);
    else groups.set(key, { key, alarms: [alarm] });
  }
  return [...groups.values()];
}
