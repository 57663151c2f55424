import type { Recommendations } from '@app/dispatch/contract';
import type { IncidentView, TimelineEntryView } from '@app/incidents/contract';
import type { TeamView } from '@app/teams/contract';
import type { WarehouseView } from '@app/warehouses/contract';

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
    enterpriseId: null,
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

/** The recommendations GET /incidents/{id}/recommendations answers; tests override what they exercise. */
export function recommendations(overrides: Partial<Recommendations> = {}): Recommendations {
  return {
    incidentId: INCIDENT_ID,
    needsFrom: 'plan',
    neededTeams: [],
    neededSpecialties: ['medical', 'hazardous_chemicals'],
    neededSpecialtyLabels: ['医疗救护', '危险化学品处置'],
    teamNeeds: [
      { specialty: 'medical', label: '医疗救护', count: 1, assigned: 0, remaining: 1 },
      { specialty: 'hazardous_chemicals', label: '危险化学品处置', count: 2, assigned: 2, remaining: 0 },
    ],
    materialNeeds: [{ materialCode: '2010102', needed: 10, allocated: 4, remaining: 6 }],
    neededMaterials: [{ materialCode: '2010102', quantity: 6 }],
    teams: [],
    warehouses: [],
    ...overrides,
  };
}

/** A warehouse as the store holds it, with one stock line of protective suits. */
export function warehouseView(overrides: Partial<WarehouseView> = {}, available = 20, minimum = 0): WarehouseView {
  const id = overrides.id ?? 'w-1';
  return {
    id,
    name: '中卫市应急物资储备库',
    level: 'city',
    levelLabel: '市级',
    location: { address: '中卫市', lat: 37.51, lng: 105.19 },
    jurisdiction: '640500',
    jurisdictionName: '中卫市',
    reserveKind: 'physical',
    reserveKindLabel: '实物储备',
    revision: 1,
    stock: [
      {
        warehouseId: id,
        materialCode: '2010102',
        materialName: '重型防化服',
        unit: '套',
        onHand: available,
        reserved: 0,
        available,
        minimum,
        belowMinimum: available < minimum,
        nearestExpiry: null,
        nearExpiry: false,
      },
    ],
    ...overrides,
  } as WarehouseView;
}

/** A team as the store holds it; tests override its status and where it is. */
export function teamView(overrides: Partial<TeamView> = {}): TeamView {
  return {
    id: 'team-1',
    name: '中卫市危化品救援一队',
    kind: 'professional',
    kindLabel: '专业救援队伍',
    specialties: ['hazardous_chemicals'],
    specialtyLabels: ['危险化学品处置'],
    headcount: 20,
    equipment: [],
    base: { address: '中卫工业园区', lat: 37.54, lng: 105.15 },
    jurisdiction: '640571',
    jurisdictionName: '中卫工业园区',
    contact: { name: '李强', phone: '0955-0000002' },
    status: 'dispatched',
    statusLabel: '已调派',
    nextStatuses: ['en_route', 'returning'],
    statusSince: '2026-11-23T02:10:00Z',
    incidentId: INCIDENT_ID,
    drillId: null,
    location: { lat: 37.54, lng: 105.15 },
    revision: 2,
    position: '110/1',
    ...overrides,
  } as TeamView;
}
