import type { EnterpriseView, HazardGrade, HazardSourceView, HazardSubstanceView } from '@app/enterprises/contract';
import type { SensorTrend, SensorView } from '@app/monitoring/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import type { Session } from '../../ui-types';

/** Fixtures of the supervision screens' tests: sessions, the jurisdiction tree and views as the server answers them. */
export const adminSession: Session = {
  accessToken: 'token-admin',
  expiresAt: '2099-01-01T00:00:00Z',
  user: { id: 'u-admin', username: 'admin', displayName: '系统管理员', roles: ['admin'], jurisdiction: '640500' },
} as Session;

export const officerSession: Session = {
  accessToken: 'token-officer',
  expiresAt: '2099-01-01T00:00:00Z',
  user: { id: 'u-duty', username: 'duty', displayName: '值班员', roles: ['duty_officer'], jurisdiction: '640500' },
} as Session;

export const TREE: JurisdictionNode[] = [
  {
    code: '640500',
    name: '中卫市',
    level: 'city',
    parent: null,
    children: [
      { code: '640521', name: '中宁县', level: 'county', parent: '640500', children: [] },
      { code: '640571', name: '中卫工业园区', level: 'park', parent: '640500', children: [] },
    ],
  } as JurisdictionNode,
];

export const ENTERPRISE_ID = '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const HAZARD_ID = '6b2e3d4c-5f60-4b7c-9d8e-0f1a2b3c4d5e';
export const SENSOR_ID = '7c3f4e5d-6071-4c8d-8e9f-1a2b3c4d5e6f';
/** A valid 统一社会信用代码 (its check character computed by GB 32100-2015). */
export const VALID_CODE = '91640500MA76XXXX58';

export function enterpriseView(over: Partial<EnterpriseView> = {}): EnterpriseView {
  return {
    id: ENTERPRISE_ID,
    name: '宁夏瑞泰化工有限公司',
    creditCode: VALID_CODE,
    industry: 'hazardous_chemicals',
    industryLabel: '危险化学品',
    jurisdiction: '640571',
    jurisdictionName: '中卫工业园区',
    address: '中卫工业园区纬三路 8 号',
    location: { lat: 37.52, lng: 105.18 },
    contacts: {
      principal: { name: '马建国', phone: '13909550001' },
      safety: { name: '李安全', phone: '13909550002' },
    },
    hazardSourceCount: 2,
    highestHazardGrade: 1,
    registeredAt: '2026-11-02T02:00:00Z',
    updatedAt: '2026-12-01T06:30:00Z',
    revision: 3,
    ...over,
  };
}

export function substance(over: Partial<HazardSubstanceView> = {}): HazardSubstanceView {
  return {
    casNo: '7782-50-5',
    name: '氯',
    category: 'toxic_gas',
    categoryLabel: '毒性气体',
    quantityTonnes: 50,
    criticalQuantityTonnes: 5,
    beta: 4,
    basis: 'named',
    basisNote: 'GB 18218-2018 表1 第 1 项',
    hazardClass: 'J1',
    tableEntry: 1,
    ratio: 10,
    ...over,
  };
}

export function hazardSourceView(over: Partial<HazardSourceView> = {}): HazardSourceView {
  const grade: HazardGrade | null = over.grade === undefined ? 1 : over.grade;
  return {
    id: HAZARD_ID,
    enterpriseId: ENTERPRISE_ID,
    enterpriseName: '宁夏瑞泰化工有限公司',
    name: '液氯储罐区',
    unitKind: 'storage',
    unitKindLabel: '储存单元',
    jurisdiction: '640571',
    jurisdictionName: '中卫工业园区',
    location: { lat: 37.53, lng: 105.19 },
    exposedPopulation: 120,
    substances: [
      substance(),
      substance({
        casNo: '74-98-6',
        name: '丙烷',
        category: 'flammable_gas',
        categoryLabel: '易燃气体',
        quantityTonnes: 25,
        criticalQuantityTonnes: 10,
        beta: 1.5,
        basisNote: 'GB 18218-2018 表1 第 26 项',
        hazardClass: 'W2',
        tableEntry: 26,
        ratio: 2.5,
      }),
    ],
    sumRatio: 12.5,
    isMajor: grade !== null,
    alpha: 2,
    // R = α·Σβ·q/Q = 2 × (4 × 10 + 1.5 × 2.5) = 87.5
    r: 87.5,
    grade,
    gradeLabel: grade === null ? null : `${grade}级`,
    registeredAt: '2026-11-02T03:00:00Z',
    updatedAt: '2026-12-01T06:30:00Z',
    retiredAt: null,
    revision: 2,
    ...over,
  };
}

export function sensorView(over: Partial<SensorView> = {}): SensorView {
  return {
    id: SENSOR_ID,
    code: 'LT-101',
    name: '1号液氯储罐液位',
    kind: 'level',
    kindLabel: '液位',
    unit: 'm',
    thresholds: { high: 8, highHigh: 9, low: 1.5, lowLow: 1 },
    expectedIntervalSeconds: 10,
    hazardSourceId: HAZARD_ID,
    enterpriseId: ENTERPRISE_ID,
    jurisdiction: '640571',
    lastValue: 8.4,
    lastReadingAt: '2026-12-06T05:59:50Z',
    band: 'high',
    bandLabel: '高报',
    online: true,
    offlineSince: null,
    revision: 1,
    status: 'active',
    retiredAt: null,
    tuning: { deadband: null, debounceReadings: 2, debounceSeconds: 0 },
    ...over,
  };
}

export function trendOf(values: number[], over: Partial<SensorTrend> = {}): SensorTrend {
  return {
    sensorId: SENSOR_ID,
    unit: 'm',
    thresholds: { high: 8, highHigh: 9, low: 1.5, lowLow: 1 },
    resolution: 'raw',
    points: values.map((value, i) => ({ at: new Date(Date.UTC(2026, 11, 6, 5, 50 + i)).toISOString(), value })),
    ...over,
  };
}
