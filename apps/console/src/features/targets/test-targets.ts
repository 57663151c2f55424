import type { JurisdictionNode } from '@app/shared/contract';
import type { TargetDocumentView, TargetProgress, TargetsProgressView } from '@app/targets/contract';
import { activeTimeZone } from '../../app/locale';
import type { Session } from '../../ui-types';
import { yearIn } from './model';

/** Fixtures of the targets component tests: a city with three counties, answers shaped as libs/targets/src/contract.ts. */
export const YEAR = yearIn(activeTimeZone());

const sessionOf = (roles: string[], username: string): Session =>
  ({
    accessToken: 'token-of-the-session',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: `u-${username}`, username, displayName: username, roles, jurisdiction: '640500' },
  }) as unknown as Session;

export const commander = sessionOf(['commander'], 'chief');
export const admin = sessionOf(['admin'], 'root');
export const dutyOfficer = sessionOf(['duty_officer'], 'desk');

const node = (code: string, name: string, children: JurisdictionNode[] = []): JurisdictionNode => ({
  code,
  name,
  level: children.length > 0 ? 'city' : 'county',
  parent: null,
  children,
});
export const TREE = [
  node('640500', '中卫市', [node('640502', '沙坡头区'), node('640521', '中宁县'), node('640522', '海原县')]),
];

export const progress = (p: Partial<TargetProgress> = {}): TargetProgress => ({
  indicator: 'deaths',
  indicatorLabel: '死亡人数',
  kind: 'ceiling',
  category: null,
  categoryLabel: null,
  value: 10,
  limit: 10,
  unit: '人',
  baselineYear: null,
  baselineValue: null,
  baselineSource: null,
  deathsIncludeMissing: false,
  actual: 3,
  changeFromBaseline: null,
  status: 'on_track',
  statusLabel: '达标',
  missing: [],
  trend: [
    { month: `${YEAR}-01`, value: 1 },
    { month: `${YEAR}-02`, value: 3 },
  ],
  ...p,
});

export const progressView = (targets: TargetProgress[], v: Partial<TargetsProgressView> = {}): TargetsProgressView => ({
  jurisdiction: '640500',
  jurisdictionName: '中卫市',
  year: YEAR,
  timeZone: 'Asia/Shanghai',
  asOf: `${YEAR}-03-01T04:00:00.000Z`,
  drillsExcluded: true,
  set: targets.length > 0,
  denominators: { gdp100mYuan: 500, vehicles10k: 40 },
  targets,
  ...v,
});

export const documentView = (d: Partial<TargetDocumentView> = {}): TargetDocumentView => ({
  jurisdiction: '640500',
  jurisdictionName: '中卫市',
  year: YEAR,
  targets: [],
  denominators: { gdp100mYuan: null, vehicles10k: null },
  recorded: { incidents: null, deaths: null, majorOrAboveIncidents: null, categories: [] },
  setAt: null,
  setBy: null,
  revision: 0,
  split: [],
  ...d,
});
