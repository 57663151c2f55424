import { AlarmWatch } from '../../libs/alarms/src';
import type { AlarmView } from '../../libs/alarms/src/contract';
import type { TestApp } from './test-app';
import { incidentBody } from './incident-fixtures';

const minutesAgo = (m: number, from = Date.now()) => new Date(from - m * 60_000).toISOString();

/**
 * An incident whose report to the city is `minutes` overdue (received 2 h + `minutes` ago and not reported), so the
 * alarm watch has a real cause to raise from. The bureau's 2 hours run from its receipt, back-dated with a reason.
 */
export function overdueIncidentBody(jurisdiction: string, minutes: number, now = Date.now()): Record<string, unknown> {
  return incidentBody({
    jurisdiction,
    occurredAt: minutesAgo(120 + minutes + 30, now),
    receivedAt: minutesAgo(120 + minutes, now),
    receivedAtReason: '电话接报后补录',
  });
}

/** One pass of the application's alarm watch (suites tick it by hand: test-app leaves its timer at an hour). */
export function tickAlarms(t: TestApp) {
  return t.app.get(AlarmWatch).tick();
}

/** The alarms a token sees for one subject (an incident), most urgent first. */
export async function alarmsOf(t: TestApp, subjectId: string, token?: string, query = ''): Promise<AlarmView[]> {
  const list = (await t.get(`/api/v1/alarms${query}`, token).expect(200)).body as AlarmView[];
  return list.filter((a) => a.subject.id === subjectId);
}

/**
 * A real alarm: an incident in `jurisdiction` (a county: its bureau owes the city a report) reported to nobody two
 * hours after its receipt, and one tick of the watch. Answers the report-up alarm (overdue, critical).
 */
export async function overdueDeadlineAlarm(t: TestApp, jurisdiction = '640521', token?: string): Promise<AlarmView> {
  const incident = (await t.post('/api/v1/incidents', token).send(overdueIncidentBody(jurisdiction, 10)).expect(201))
    .body as { id: string };
  await tickAlarms(t);
  const alarm = (await alarmsOf(t, incident.id, token, '?kind=deadline')).find(
    (a) => a.severity === 'critical' && a.title.includes('上报'),
  );
  if (!alarm) throw new Error('the alarm watch raised no overdue report alarm');
  return alarm;
}
