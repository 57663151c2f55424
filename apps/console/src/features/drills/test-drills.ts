import type { DrillView, ScenarioView } from '@app/drills/contract';
import type { PlanView } from '@app/plans/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import type { Session } from '../../ui-types';

export const DRILL_ID = '3b0e6a3c-1f7d-4f55-9a43-3c1d2b8e9f10';
export const PLAN_ID = '5d2f7c1e-8a9b-4c3d-9e1f-0a1b2c3d4e5f';
export const SCENARIO_ID = '7e4a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c';
export const DRILL_INCIDENT_ID = '8f5b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d';

export const TREE: JurisdictionNode[] = [
  {
    code: '640500',
    name: '中卫市',
    level: 'city',
    parent: null,
    children: [{ code: '640571', name: '中卫工业园区', level: 'park', parent: '640500', children: [] }],
  },
] as JurisdictionNode[];

/** The city with two counties, one of them with a town below it: a county coordinator sees only his county. */
export const COUNTY_TREE: JurisdictionNode[] = [
  {
    code: '640500',
    name: '中卫市',
    level: 'city',
    parent: null,
    children: [
      { code: '640502', name: '沙坡头区', level: 'county', parent: '640500', children: [] },
      {
        code: '640521',
        name: '中宁县',
        level: 'county',
        parent: '640500',
        children: [{ code: '640521100', name: '宁安镇', level: 'town', parent: '640521', children: [] }],
      },
    ],
  },
] as JurisdictionNode[];

export const countySession: Session = {
  accessToken: 'token',
  expiresAt: '2099-01-01T00:00:00Z',
  user: {
    id: 'u2',
    username: 'drill-zn',
    displayName: '中宁县演练组织者李强',
    roles: ['drill_coordinator'],
    jurisdiction: '640521',
  },
};

export const coordinatorSession: Session = {
  accessToken: 'token',
  expiresAt: '2099-01-01T00:00:00Z',
  user: {
    id: 'u1',
    username: 'drill',
    displayName: '演练组织者王敏',
    roles: ['drill_coordinator'],
    jurisdiction: '640500',
  },
};

const report = {
  title: '演练：储罐泄漏',
  category: 'hazardous_chemicals',
  jurisdiction: '640571',
  occurredAt: '2026-12-06T10:00:00+08:00',
  location: { address: '中卫工业园区纬三路', lat: 37.53, lng: 105.14 },
  reporter: { name: '张伟', phone: '0955-1234567', organization: '企业安全科' },
  casualties: { deaths: 0, missing: 0, seriousInjuries: 1, minorInjuries: 2, trapped: 0 },
  description: '储罐阀门泄漏',
};

export const scenario: ScenarioView = {
  id: SCENARIO_ID,
  name: '园区储罐泄漏情景',
  description: '危化品泄漏处置',
  jurisdiction: '640500',
  injects: [
    { atSecond: 300, kind: 'update_situation', payload: { incidentRef: 0, casualties: { deaths: 1, trapped: 3 } } },
    { atSecond: 0, kind: 'report_incident', payload: report },
    { atSecond: 90, kind: 'message', payload: { text: '风向转为东南风' } },
  ],
  savedBy: '演练组织者王敏',
  savedAt: '2026-12-01T02:00:00Z',
};

export const planInForce = {
  id: PLAN_ID,
  title: '中卫市危险化学品事故专项应急预案',
  inForceVersion: 2,
  version: 3,
} as PlanView;

export const draftPlan = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  title: '尚未发布的预案',
  inForceVersion: null,
} as PlanView;

/** A drill as GET /drills/{id} gives it; tests override what they exercise. */
export function drillView(over: Partial<DrillView> = {}): DrillView {
  return {
    id: DRILL_ID,
    title: '危化品泄漏综合演练',
    form: 'tabletop',
    formLabel: '桌面演练',
    scope: 'comprehensive',
    scopeLabel: '综合演练',
    jurisdiction: '640500',
    planId: PLAN_ID,
    planVersion: 2,
    participants: ['市应急管理局', '市消防救援支队'],
    scenario: { injects: scenario.injects },
    status: 'planned',
    statusLabel: '待开始',
    plannedBy: '演练组织者王敏',
    plannedAt: '2026-12-06T01:00:00Z',
    startedAt: null,
    startedBy: null,
    endedAt: null,
    endedBy: null,
    executed: [],
    injects: [],
    failedInjects: [],
    teams: [],
    nextDueAt: null,
    revision: 0,
    position: '1',
    ...over,
  };
}
