import { domainError } from '@app/shared';

// From a monitoring alarm to an incident intake: what refuses it.

/** The alarm exists but has no sensor behind it (a deadline, a roll call …): there is no monitoring context to show. */
export const AlarmNotMonitoringError = domainError({
  code: 'ALARM_NOT_MONITORING',
  kind: 'conflict',
  message: (kindLabel: string, _kind: string) =>
    `该告警不是在线监测告警（${kindLabel}），没有监测上下文，也不能据此转为事故接报；请直接接报登记`,
  details: (kindLabel: string, kind: string) => ({ kind, kindLabel }),
});

/** What the alarm names is no longer on the registers (a sensor taken out, an enterprise removed). */
export const MonitoringAlarmSubjectGoneError = domainError({
  code: 'MONITORING_ALARM_SUBJECT_GONE',
  kind: 'conflict',
  message: (what: string, _missing: 'sensor' | 'hazard_source' | 'enterprise') =>
    `告警所指的${what}已不在登记中，无法给出监测上下文；请直接接报登记`,
  details: (_what: string, missing: 'sensor' | 'hazard_source' | 'enterprise') => ({ missing }),
});
