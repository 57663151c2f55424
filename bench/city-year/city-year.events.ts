import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@app/event-store';
import { alarmDecider, type AlarmCommand, type AlarmState } from '@app/alarms';
import { incidentDecider, type IncidentState } from '@app/incidents/domain';
import { OFFERED_INCIDENT_CATEGORIES } from '../../libs/incidents/src/domain/incident/incident.types';
import { decideAll, teamStreamEvents, warehouseStreamEvents } from '../rebuild/rebuild.events';

// A year of a large city, made by the contexts' own pure deciders: incidents received all through the year (most of
// them reported up, followed up and ended; the last days' still open), the city's teams and warehouses, and the
// deadline alarms of the watch (most resolved).

export const JURISDICTIONS = ['640502', '640521', '640522', '640571'];
const PLACES = ['沙坡头区', '中宁县', '海原县', '工业园区'];
const UNITS = ['化工', '建材', '物流', '煤业', '电力', '冶金', '食品', '纺织'];
const DAY = 86_400_000;
const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };
type IncidentCommand = Parameters<typeof incidentDecider.decide>[0];
type AnyEvent = { type: string; data: unknown };

/** The receipt time of incident `i` of `count`, spread evenly over the year that ends at `end`, oldest first. */
export const receivedAtOf = (i: number, count: number, end: Date): Date =>
  new Date(end.getTime() - 365 * DAY + Math.floor(((i + 0.5) * 365 * DAY) / count));

/** About 10 events: the report, 3 to 11 follow-ups, reports up the chain, a notification and (unless recent) the end. */
export function cityIncidentEvents(i: number, count: number, end: Date): { stream: string; events: EventToAppend[] } {
  const jurisdiction = JURISDICTIONS[i % JURISDICTIONS.length]!;
  const at = receivedAtOf(i, count, end);
  const incidentId = randomUUID();
  const policy = { countMissingAsDeaths: true };
  const minutes = (n: number) => new Date(at.getTime() + n * 60_000);
  const deaths = i % 97 === 0 ? 1 + (i % 3) : 0;
  const commands: IncidentCommand[] = [
    {
      type: 'ReportIncident',
      incidentId,
      title: `${PLACES[i % PLACES.length]}${UNITS[i % UNITS.length]}企业 ${i % 997} 号${i % 5 === 0 ? '火情' : '事故'}`,
      category: OFFERED_INCIDENT_CATEGORIES[i % OFFERED_INCIDENT_CATEGORIES.length]!,
      occurredAt: new Date(at.getTime() - 10 * 60_000),
      location: { address: `中卫市${PLACES[i % PLACES.length]}某路 ${i % 500} 号`, lat: 37.5, lng: 105.2 },
      jurisdiction,
      enterprise: `${UNITS[i % UNITS.length]}企业 ${i % 997}`,
      reporter: { name: '报告人', phone: '0955-0000000', organization: '单位' },
      casualties: { ...none, deaths, minorInjuries: i % 4 },
      directLossYuan: (i % 50) * 10_000,
      description: '现场情况',
      takenBy: '值班员',
      now: at,
      policy,
    },
  ];
  const followUps = 3 + (i % 9);
  for (let k = 0; k < followUps; k++)
    commands.push({
      type: 'UpdateSituation',
      casualties: { minorInjuries: (i % 4) + k },
      measures: `处置措施 ${k + 1}`,
      now: minutes(20 + k * 30),
      policyFor: () => policy,
    });
  // Nine in ten reported up in time, the rest late or never: compliance has every status to count.
  if (i % 10 !== 9)
    commands.push({ type: 'PassReportUp', toLevel: 'city', channel: '电话', reportedBy: '值班员', now: minutes(30) });
  else if (i % 20 === 9)
    commands.push({ type: 'PassReportUp', toLevel: 'city', channel: '电话', reportedBy: '值班员', now: minutes(200) });
  if (deaths > 0)
    commands.push({
      type: 'NotifyParty',
      party: 'public_security',
      channel: '电话',
      notifiedBy: '值班员',
      now: minutes(40),
    });
  // Open: the last ten days' incidents, and one in fifty older ones still in hand.
  const open = end.getTime() - at.getTime() < 10 * DAY || i % 50 === 0;
  if (!open) commands.push({ type: 'CloseIncident', summary: '处置完毕', now: minutes(24 * 60) });
  const events = decideAll<IncidentCommand, AnyEvent, IncidentState>(incidentDecider as never, commands, jurisdiction);
  return { stream: `incident-${incidentId}`, events };
}

/** A deadline alarm about incident `i`: raised, in two of three cases acknowledged, and resolved unless recent. */
export function cityAlarmEvents(i: number, count: number, end: Date): { stream: string; events: EventToAppend[] } {
  const jurisdiction = JURISDICTIONS[i % JURISDICTIONS.length]!;
  const at = receivedAtOf(i, count, end);
  const alarmId = randomUUID();
  const subject = randomUUID();
  const commands: AlarmCommand[] = [
    {
      type: 'RaiseAlarm',
      alarm: {
        alarmId,
        sourceKey: `deadline:${subject}:initial-${i}:due_soon`,
        kind: 'deadline',
        severity: i % 3 === 0 ? 'critical' : 'major',
        jurisdiction,
        title: `报告时限将到 ${i}`,
        message: '初报将于 10 分钟后到期',
        subject: { type: 'incident', id: subject },
        dueAt: new Date(at.getTime() + 600_000).toISOString(),
      },
      now: at,
    },
  ];
  if (i % 3 !== 2)
    commands.push({
      type: 'AcknowledgeAlarm',
      by: { id: 'u1', name: '值班员' },
      note: null,
      now: new Date(at.getTime() + 60_000),
    });
  if (end.getTime() - at.getTime() > 2 * DAY)
    commands.push({ type: 'ResolveAlarm', reason: 'obligation_met', now: new Date(at.getTime() + 300_000) });
  return {
    stream: `alarm-${alarmId}`,
    events: decideAll<AlarmCommand, AnyEvent, AlarmState>(alarmDecider as never, commands, jurisdiction),
  };
}

export function cityTeamEvents(i: number, end: Date): { stream: string; events: EventToAppend[] } {
  const events = teamStreamEvents(i, 0, end);
  return { stream: `team-${(events[0]!.data as { teamId: string }).teamId}`, events };
}

export function cityWarehouseEvents(i: number, end: Date): { stream: string; events: EventToAppend[] } {
  const events = warehouseStreamEvents(i, 20, end);
  return { stream: `warehouse-${(events[0]!.data as { warehouseId: string }).warehouseId}`, events };
}
