import type { HiddenHazardSummaryView, HiddenHazardView } from '@app/hidden-hazards/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import type { Session } from '../../ui-types';

/** Fixtures of the hidden-hazard screens' tests: sessions of each role, the jurisdiction tree, views as answered. */
const sessionOf = (id: string, roles: string[], jurisdiction: string): Session =>
  ({
    accessToken: `token-${id}`,
    expiresAt: '2099-01-01T00:00:00Z',
    user: { id, username: id, displayName: id, roles, jurisdiction },
  }) as Session;

export const cityCommander = sessionOf('city-commander', ['commander'], '640500');
export const countyCommander = sessionOf('county-commander', ['commander'], '640521');
export const cityOfficer = sessionOf('city-duty', ['duty_officer'], '640500');
export const coordinator = sessionOf('coordinator', ['drill_coordinator'], '640500');

export const TREE: JurisdictionNode[] = [
  {
    code: '640500',
    name: '中卫市',
    level: 'city',
    parent: null,
    children: [
      {
        code: '640521',
        name: '中宁县',
        level: 'county',
        parent: '640500',
        children: [{ code: '640521100', name: '宁安镇', level: 'town', parent: '640521', children: [] }],
      },
      { code: '640571', name: '中卫工业园区', level: 'park', parent: '640500', children: [] },
    ],
  } as JurisdictionNode,
];

export const HH_ID = '8d4e5f60-7182-4d9e-9fa0-2b3c4d5e6f70';
export const ENTERPRISE_ID = '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const HAZARD_SOURCE_ID = '6b2e3d4c-5f60-4b7c-9d8e-0f1a2b3c4d5e';

const DAY = 86_400_000;

/** A major hidden hazard of a unit in 中宁县, being rectified, its deadline `daysLeft` days from now. */
export function hazardView(over: Partial<HiddenHazardView> = {}, daysLeft = 10): HiddenHazardView {
  return {
    id: HH_ID,
    enterpriseId: ENTERPRISE_ID,
    enterpriseName: '宁夏瑞泰化工有限公司',
    jurisdiction: '640521',
    jurisdictionName: '中宁县',
    hazardSourceId: null,
    hazardSourceName: null,
    title: '液氯储罐区可燃气体报警器失效',
    description: '3 号储罐旁报警器不报警',
    grade: 'major',
    gradeLabel: '重大事故隐患',
    standard: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）',
    source: 'inspection',
    sourceLabel: '监督检查',
    foundAt: new Date(Date.now() - 2 * DAY).toISOString(),
    foundBy: '市应急管理局执法支队 王检查',
    rectification: {
      measures: '更换报警器并联调',
      deadline: new Date(Date.now() + daysLeft * DAY + 60_000).toISOString(),
      responsible: { name: '李安全', phone: '13995512345' },
    },
    status: 'rectifying',
    statusLabel: '整改中',
    overdue: daysLeft < 0,
    supervision: null,
    rectifiedAt: null,
    rectificationNote: null,
    verifications: [],
    deadlineChanges: [],
    extensions: 0,
    closedAt: null,
    closedBy: null,
    recordedAt: new Date(Date.now() - 2 * DAY).toISOString(),
    updatedAt: new Date(Date.now() - DAY).toISOString(),
    revision: 1,
    ...over,
  };
}

export const citySupervision: HiddenHazardView['supervision'] = {
  level: 'city',
  levelLabel: '市级挂牌督办',
  jurisdiction: '640500',
  jurisdictionName: '中卫市',
  at: '2026-12-03T02:00:00Z',
  by: '张指挥',
};

export function summaryView(groupBy: 'enterprise' | 'jurisdiction'): HiddenHazardSummaryView {
  const line = (key: string, label: string, total: number, rectified: number) => ({
    key,
    label,
    total,
    major: 1,
    rectified,
    open: total - rectified,
    overdue: 0,
    supervised: 1,
    rectificationRate: total === 0 ? null : Math.round((rectified / total) * 10000) / 10000,
    majorRectificationRate: null,
  });
  return {
    jurisdiction: '640500',
    jurisdictionName: '中卫市',
    groupBy,
    from: null,
    to: null,
    rows:
      groupBy === 'enterprise'
        ? [line(ENTERPRISE_ID, '宁夏瑞泰化工有限公司', 4, 3), line('other', '<b>某</b>商贸公司', 3, 1)]
        : [line('640521', '中宁县', 7, 4)],
    totals: line('640500', '中卫市', 7, 4),
  };
}
