import type { IncidentView, TimelineEntryView } from '@app/incidents/contract';

export const INCIDENT_ID = '6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

/** An incident as GET /incidents/{id} answers it; tests override what they exercise. */
export function incidentView(overrides: Partial<IncidentView> = {}): IncidentView {
  return {
    id: INCIDENT_ID,
    title: '园区储罐泄漏',
    category: 'hazardous_chemicals',
    categoryLabel: '危险化学品',
    status: 'open',
    grade: 'general',
    gradeLabel: '一般事故',
    responseLevel: null,
    responseLevelLabel: null,
    jurisdiction: '640571',
    jurisdictionName: '中卫工业园区',
    enterprise: null,
    occurredAt: '2026-11-23T10:00:00+08:00',
    reportedAt: '2026-11-23T10:05:00+08:00',
    receivedAt: '2026-11-23T10:05:00+08:00',
    receivedAtReason: null,
    unitLearnedAt: null,
    unitReportedAt: null,
    nearMiss: false,
    updatedAt: '2026-11-23T10:05:00+08:00',
    closedAt: null,
    location: { address: '中卫工业园区纬三路', lat: 37.53, lng: 105.14 },
    reporter: { name: '张伟', phone: '0955-1234567', organization: '企业安全科' },
    casualties: { deaths: 1, missing: 0, seriousInjuries: 1, minorInjuries: 0, trapped: 0 },
    casualtiesAfterWindow: null,
    directLossYuan: null,
    description: '储罐阀门泄漏',
    measures: null,
    summary: null,
    drillId: null,
    deadlines: [],
    assignedTeams: [],
    allocations: [],
    tasks: [],
    activePlans: [],
    revision: 3,
    position: '100/1',
    ...overrides,
  };
}

/** A timeline line; `n` makes its id, revision and position (a larger `n` is newer). */
export function timelineEntry(n: number, overrides: Partial<TimelineEntryView> = {}): TimelineEntryView {
  return {
    id: `event-${n}`,
    incidentId: INCIDENT_ID,
    source: 'incident',
    revision: n,
    at: `2026-11-23T02:${String(n).padStart(2, '0')}:00Z`,
    recordedAt: `2026-11-23T02:${String(n).padStart(2, '0')}:00Z`,
    type: 'SituationUpdated',
    summary: `第 ${n} 条`,
    actor: '王值班员',
    actorKind: 'person',
    via: null,
    drillId: null,
    position: `${100 + n}/1`,
    ...overrides,
  };
}
