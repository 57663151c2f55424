import type { EnterpriseIndustry, EnterpriseView, HazardSourceView } from '@app/enterprises/contract';
import type { SensorView } from '../../contract';
import {
  DRAFT_TITLE_MAX,
  INDUSTRY_INCIDENT_CATEGORY,
  alarmConditionOf,
  incidentCategoryOf,
  intakeDraftOf,
  localTimeText,
  matchingPlansOf,
  nearbyTeamsOf,
  type AlarmChain,
  type PlanCandidate,
  type TeamAtHand,
} from './alarm-to-incident';

const ZONE = 'Asia/Shanghai';

const enterprise = (over: Partial<EnterpriseView> = {}): EnterpriseView => ({
  id: 'e1',
  name: '中卫市美利化工有限公司',
  creditCode: '91640500MA76A1B23C',
  industry: 'hazardous_chemicals',
  industryLabel: '危险化学品',
  jurisdiction: '640502',
  jurisdictionName: '沙坡头区',
  address: '中卫市沙坡头区美利工业园区 8 号',
  location: { lat: 37.51, lng: 105.18 },
  contacts: { principal: { name: '王建国', phone: '13800000001' }, safety: null },
  hazardSourceCount: 1,
  highestHazardGrade: 2,
  registeredAt: '2026-01-01T08:00:00+08:00',
  updatedAt: '2026-01-01T08:00:00+08:00',
  revision: 1,
  ...over,
});

const hazardSource = (over: Partial<HazardSourceView> = {}): HazardSourceView => ({
  id: 'h1',
  enterpriseId: 'e1',
  enterpriseName: '中卫市美利化工有限公司',
  name: '液氨储罐区',
  unitKind: 'storage',
  unitKindLabel: '储存单元',
  jurisdiction: '640502',
  jurisdictionName: '沙坡头区',
  location: { lat: 37.512, lng: 105.183 },
  exposedPopulation: 120,
  substances: [
    {
      casNo: '7664-41-7',
      name: '氨',
      category: 'toxic_gas',
      categoryLabel: '毒性气体',
      quantityTonnes: 150,
      criticalQuantityTonnes: 10,
      beta: 2,
      basis: 'named',
      basisNote: 'GB 18218-2018 表1 第2项',
      hazardClass: 'J2',
      tableEntry: 2,
      ratio: 15,
    },
  ],
  sumRatio: 15,
  isMajor: true,
  alpha: 2,
  r: 60,
  grade: 2,
  gradeLabel: '二级',
  retiredAt: null,
  registeredAt: '2026-01-01T08:00:00+08:00',
  updatedAt: '2026-01-01T08:00:00+08:00',
  revision: 1,
  ...over,
});

const sensor = (over: Partial<SensorView> = {}): SensorView => ({
  id: 's1',
  code: 'LT-101',
  name: '1号储罐液位',
  kind: 'level',
  kindLabel: '液位',
  unit: 'm',
  thresholds: { high: 8, highHigh: 9.5, low: 1, lowLow: 0.5 },
  expectedIntervalSeconds: 10,
  hazardSourceId: 'h1',
  enterpriseId: 'e1',
  jurisdiction: '640502',
  lastValue: 9.8,
  lastReadingAt: '2026-12-06T13:05:10.000Z',
  band: 'high_high',
  bandLabel: '高高报',
  online: true,
  offlineSince: null,
  revision: 3,
  status: 'active',
  retiredAt: null,
  tuning: { deadband: 0.2, debounceReadings: 2, debounceSeconds: 0 },
  ...over,
});

const chain = (over: Partial<AlarmChain> = {}): AlarmChain => ({
  alarm: { id: 'a1', raisedAt: '2026-12-06T13:05:12.000Z' },
  sensor: sensor(),
  hazardSource: hazardSource(),
  enterprise: enterprise(),
  ...over,
});

describe('the incident category of an enterprise industry', () => {
  it('files coal and non-coal mines apart, metallurgy under 工贸, fireworks with hazardous chemicals', () => {
    expect(incidentCategoryOf('coal_mine')).toBe('coal_mine');
    expect(incidentCategoryOf('non_coal_mine')).toBe('non_coal_mine');
    expect(incidentCategoryOf('metallurgy')).toBe('industry_trade');
    expect(incidentCategoryOf('fireworks')).toBe('hazardous_chemicals');
    expect(incidentCategoryOf('hazardous_chemicals')).toBe('hazardous_chemicals');
    expect(incidentCategoryOf('gas')).toBe('gas');
    expect(incidentCategoryOf('construction')).toBe('construction');
    expect(incidentCategoryOf('other')).toBe('other');
  });

  it('maps every industry to a category the incident register accepts', () => {
    const industries: EnterpriseIndustry[] = [
      'hazardous_chemicals',
      'coal_mine',
      'non_coal_mine',
      'fireworks',
      'metallurgy',
      'industry_trade',
      'construction',
      'gas',
      'other',
    ];
    const categories = [
      'hazardous_chemicals',
      'coal_mine',
      'non_coal_mine',
      'fire',
      'road_traffic',
      'construction',
      'industry_trade',
      'special_equipment',
      'gas',
      'flood_geological',
      'other',
    ];
    expect(Object.keys(INDUSTRY_INCIDENT_CATEGORY).sort()).toEqual([...industries].sort());
    for (const industry of industries) expect(categories).toContain(incidentCategoryOf(industry));
  });
});

describe('the intake draft of a monitoring alarm', () => {
  it('names the enterprise, the hazard source, the sensor and the band in the title', () => {
    expect(intakeDraftOf(chain(), ZONE).title).toBe('中卫市美利化工有限公司·液氨储罐区 1号储罐液位 高高报');
  });

  it('takes the hazard source position with the enterprise address, the time the alarm was raised', () => {
    const draft = intakeDraftOf(chain(), ZONE);
    expect(draft).toMatchObject({
      alarmId: 'a1',
      category: 'hazardous_chemicals',
      jurisdiction: '640502',
      enterpriseId: 'e1',
      enterprise: '中卫市美利化工有限公司',
      location: { lat: 37.512, lng: 105.183, address: '中卫市沙坡头区美利工业园区 8 号' },
      occurredAt: '2026-12-06T13:05:12.000Z',
    });
  });

  it('describes the reading with its unit, the threshold crossed, the grade and the substances, in local time', () => {
    const description = intakeDraftOf(chain(), ZONE).description;
    expect(description).toContain('2026年12月6日 21时05分');
    expect(description).toContain('1号储罐液位（位号 LT-101）高高报');
    expect(description).toContain('最近读数 9.8m');
    expect(description).toContain('超过高高报阈值 9.5m');
    expect(description).toContain('二级重大危险源（储存单元）');
    expect(description).toContain('涉及危险化学品：氨 150 吨（CAS 7664-41-7）');
    expect(description).toContain('统一社会信用代码 91640500MA76A1B23C');
    expect(description).toContain('主要负责人 王建国');
    // An official text: no ISO instants, no ids.
    expect(description).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(description).not.toContain('s1');
  });

  it('says "低于" for a low band and names its threshold', () => {
    const low = chain({ sensor: sensor({ band: 'low_low', lastValue: 0.3, bandLabel: '低低报' }) });
    const draft = intakeDraftOf(low, ZONE);
    expect(draft.title).toMatch(/低低报$/);
    expect(draft.description).toContain('最近读数 0.3m');
    expect(draft.description).toContain('低于低低报阈值 0.5m');
  });

  it('describes the band the alarm was raised for when given, with the sensor past a further one now', () => {
    const high = intakeDraftOf({ ...chain(), condition: 'high' }, ZONE);
    expect(high.title).toMatch(/ 高报$/);
    expect(high.description).toContain('（位号 LT-101）高报。');
    expect(high.description).toContain('超过高报阈值 8m');
  });

  it('describes a silent sensor as offline since when it went silent', () => {
    const silent = chain({
      sensor: sensor({ band: 'normal', online: false, offlineSince: '2026-12-06T12:00:00.000Z', lastValue: 5 }),
    });
    const draft = intakeDraftOf(silent, ZONE);
    expect(draft.title).toMatch(/离线$/);
    expect(draft.description).toContain('自 2026年12月6日 20时00分 起未上报数据（离线）');
  });

  it('files a coal mine alarm under 煤矿 and a hazard source below the threshold as not major', () => {
    const mine = chain({
      enterprise: enterprise({ industry: 'coal_mine' }),
      hazardSource: hazardSource({ isMajor: false, grade: null, gradeLabel: null }),
    });
    const draft = intakeDraftOf(mine, ZONE);
    expect(draft.category).toBe('coal_mine');
    expect(draft.description).toContain('危险源（未构成重大危险源）');
  });

  it('keeps the title within the form limit', () => {
    const long = chain({ enterprise: enterprise({ name: '很'.repeat(300) }) });
    const title = intakeDraftOf(long, ZONE).title;
    expect(title.length).toBe(DRAFT_TITLE_MAX);
    expect(title.endsWith('…')).toBe(true);
  });

  it('reads the condition from the sensor: its band, offline when silent, else normal', () => {
    expect(alarmConditionOf({ band: 'high', online: true, offlineSince: null })).toBe('high');
    expect(alarmConditionOf({ band: 'normal', online: false, offlineSince: '2026-12-06T12:00:00Z' })).toBe('offline');
    expect(alarmConditionOf({ band: 'normal', online: true, offlineSince: null })).toBe('normal');
  });

  it('writes local times in the zone given', () => {
    expect(localTimeText('2026-12-31T16:30:00Z', 'Asia/Shanghai')).toBe('2027年1月1日 00时30分');
    expect(localTimeText('2026-12-31T16:30:00Z', 'Asia/Urumqi')).toBe('2026年12月31日 22时30分');
  });
});

describe('the matching plans', () => {
  const plan = (over: Partial<PlanCandidate>): PlanCandidate => ({
    id: 'p',
    title: '预案',
    kind: 'special',
    kindLabel: '专项应急预案',
    jurisdiction: '640502',
    categories: ['hazardous_chemicals'],
    inForce: true,
    ...over,
  });
  const lineage = ['640502', '640500', '640000'];

  it('lists special plans for the category first, nearest jurisdiction first, then comprehensive plans covering it', () => {
    const plans = [
      plan({ id: 'city-special', title: '市危化预案', jurisdiction: '640500' }),
      plan({ id: 'county-comprehensive', kind: 'comprehensive', kindLabel: '综合应急预案', categories: [] }),
      plan({ id: 'county-special', title: '区危化预案' }),
      plan({ id: 'mine', categories: ['coal_mine', 'non_coal_mine'] }),
      plan({ id: 'other-county', jurisdiction: '640521' }),
      plan({ id: 'draft', inForce: false }),
      plan({ id: 'onsite', kind: 'onsite', kindLabel: '现场处置方案' }),
      plan({ id: 'city-comprehensive-fire', kind: 'comprehensive', categories: ['fire'], jurisdiction: '640500' }),
    ];
    expect(matchingPlansOf(plans, 'hazardous_chemicals', lineage).map((p) => p.id)).toEqual([
      'county-special',
      'city-special',
      'county-comprehensive',
    ]);
  });

  it('answers the plan names and kinds, and nothing when no plan covers the category', () => {
    expect(matchingPlansOf([plan({ id: 'x', title: '区危化预案' })], 'hazardous_chemicals', lineage)).toEqual([
      { id: 'x', name: '区危化预案', kindLabel: '专项应急预案' },
    ]);
    expect(matchingPlansOf([plan({})], 'coal_mine', lineage)).toEqual([]);
  });
});

describe('the nearby teams', () => {
  const labels = { hazardous_chemicals: '危险化学品处置', fire: '灭火救援', medical: '医疗救护', flood: '防汛抢险' };
  const team = (over: Partial<TeamAtHand>): TeamAtHand => ({
    id: 't',
    name: '队',
    kind: 'professional',
    specialties: [],
    specialtyLabels: [],
    status: 'available',
    statusLabel: '待命',
    location: { lat: 37.512, lng: 105.183 },
    ...over,
  });
  const scene = { lat: 37.512, lng: 105.183 };

  it('puts hazardous-chemicals teams first, then the nearest; leaves out teams out of service', () => {
    const teams = [
      team({ id: 'flood-next-door', specialties: ['flood'], specialtyLabels: ['防汛抢险'] }),
      team({
        id: 'hazchem-far',
        specialties: ['hazardous_chemicals'],
        specialtyLabels: ['危险化学品处置'],
        location: { lat: 37.6, lng: 105.3 },
      }),
      team({ id: 'hazchem-near', specialties: ['hazardous_chemicals'], location: { lat: 37.52, lng: 105.19 } }),
      team({ id: 'off', specialties: ['hazardous_chemicals'], status: 'out_of_service', statusLabel: '暂停执勤' }),
    ];
    const nearby = nearbyTeamsOf(scene, teams, labels);
    expect(nearby.map((t) => t.id)).toEqual(['hazchem-near', 'hazchem-far', 'flood-next-door']);
    expect(nearby[1]).toMatchObject({ name: '队', specialtyLabels: ['危险化学品处置'], statusLabel: '待命' });
    expect(nearby[1]!.distanceKm).toBeGreaterThan(10);
    expect(nearby[2]!.distanceKm).toBe(0);
  });

  it('lists at most the first few', () => {
    const many = Array.from({ length: 9 }, (_, i) => team({ id: `t${i}` }));
    expect(nearbyTeamsOf(scene, many, labels)).toHaveLength(5);
    expect(nearbyTeamsOf(scene, many, labels, 2)).toHaveLength(2);
  });
});
