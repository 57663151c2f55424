import { queryOptions } from '@tanstack/react-query';
import type { IncidentIntakeDraft, MonitoringAlarmContext } from '@app/monitoring/contract';
import { api, get } from '../../api';
import { TIME_ZONE } from '../../time';
import type { Values } from '../intake/intake-form';

/** The intake route's parameter naming the alarm its draft comes from: `/intake?fromAlarm=<alarm id>`. */
export const FROM_ALARM = 'fromAlarm';
const UUID = /^[0-9a-fA-F-]{36}$/;

/** The alarm id of `?fromAlarm=`, or null when absent or not an id (a hand-typed address opens a blank intake). */
export function alarmIdFrom(search: string): string | null {
  const id = new URLSearchParams(search).get(FROM_ALARM);
  return id && UUID.test(id) ? id.toLowerCase() : null;
}

export function intakePathFor(alarmId: string): string {
  return `/intake?${FROM_ALARM}=${encodeURIComponent(alarmId)}`;
}

export const alarmContextQuery = (alarmId: string) =>
  queryOptions({
    queryKey: ['alarm-context', alarmId],
    queryFn: () => get<MonitoringAlarmContext>(`/alarms/${encodeURIComponent(alarmId)}/context`),
  });

/**
 * The draft the server prepares (it files nothing and changes no alarm, so asking again after a reload is harmless).
 * The alarm centre's button puts its answer in the cache under this key, so the intake screen does not ask twice.
 */
export const alarmDraftQuery = (alarmId: string) =>
  queryOptions({
    queryKey: ['alarm-intake-draft', alarmId],
    queryFn: () => openIncident(alarmId),
  });

export function openIncident(alarmId: string): Promise<IncidentIntakeDraft> {
  return api<IncidentIntakeDraft>('POST', `/alarms/${encodeURIComponent(alarmId)}/open-incident`, {});
}

/** An instant as the intake's datetime-local field holds it: Beijing wall time to the minute. */
export function shanghaiInputOf(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/**
 * The form's values from the draft, over a blank form: the reporter and casualties stay for the officer to fill (the
 * alarm knows nothing of who called or who is hurt).
 */
export function valuesFromDraft(draft: IncidentIntakeDraft, blank: Values): Values {
  return {
    ...blank,
    title: draft.title,
    category: draft.category,
    occurredAt: shanghaiInputOf(draft.occurredAt) || blank.occurredAt,
    address: draft.location.address,
    lat: String(draft.location.lat),
    lng: String(draft.location.lng),
    jurisdiction: draft.jurisdiction,
    enterprise: draft.enterprise,
    description: draft.description,
  };
}
