import type { AlarmView } from '@app/alarms/contract';

/** An alarm as GET /alarms answers it; tests override what they exercise. */
export function alarmView(overrides: Partial<AlarmView> = {}): AlarmView {
  return {
    id: '00000000-0000-5000-8000-000000000001',
    kind: 'deadline',
    kindLabel: '报告时限',
    severity: 'critical',
    severityLabel: '紧急',
    status: 'raised',
    statusLabel: '未确认',
    title: '向设区的市级上报已逾期',
    message: '「某化工厂泄漏」向设区的市级上报已超过时限',
    jurisdiction: '640521',
    jurisdictionName: '中宁县',
    subject: { type: 'incident', id: 'i-1' },
    raisedAt: new Date(Date.now() - 12 * 60_000).toISOString(),
    dueAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgementNote: null,
    escalation: { level: 0, label: null, at: null },
    resolvedAt: null,
    resolution: null,
    resolutionLabel: null,
    urgency: 1,
    revision: 0,
    position: '1',
    ...overrides,
  };
}
