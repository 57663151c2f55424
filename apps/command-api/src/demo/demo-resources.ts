import type { Specialty, TeamKind } from '@app/teams';
import type { ReserveKind, WarehouseLevel } from '@app/warehouses';

/**
 * Invented rescue teams and warehouses for the Zhongwei demo jurisdictions (演示数据，纯属虚构): names, people,
 * phone numbers and coordinates are made up around 37.5°N, 105.2°E.
 */
interface DemoTeam {
  name: string;
  kind: TeamKind;
  specialties: Specialty[];
  headcount: number;
  equipment: string[];
  jurisdiction: string;
  lat: number;
  lng: number;
}

const t = (
  name: string,
  kind: TeamKind,
  specialties: Specialty[],
  headcount: number,
  equipment: string[],
  jurisdiction: string,
  lat: number,
  lng: number,
): DemoTeam => ({ name: `【演示】${name}`, kind, specialties, headcount, equipment, jurisdiction, lat, lng });

export const DEMO_TEAMS: readonly DemoTeam[] = [
  t(
    '中卫市消防救援支队特勤站',
    'fire_rescue',
    ['fire', 'hazardous_chemicals', 'structural_collapse'],
    45,
    ['举高喷射消防车', '抢险救援车'],
    '640500',
    37.514,
    105.19,
  ),
  t(
    '沙坡头区消防救援大队',
    'fire_rescue',
    ['fire', 'water_search'],
    30,
    ['水罐消防车', '冲锋舟'],
    '640502',
    37.51,
    105.17,
  ),
  t('中宁县消防救援大队', 'fire_rescue', ['fire', 'structural_collapse'], 28, ['水罐消防车'], '640521', 37.49, 105.68),
  t('海原县消防救援大队', 'fire_rescue', ['fire'], 24, ['水罐消防车'], '640522', 36.56, 105.64),
  t(
    '工业园区危化品专业救援队',
    'professional',
    ['hazardous_chemicals', 'environmental_monitoring'],
    32,
    ['防化洗消车', '侦检车'],
    '640571',
    37.535,
    105.145,
  ),
  t(
    '宁夏某煤业矿山救护队中卫中队',
    'professional',
    ['mine_rescue', 'medical'],
    26,
    ['矿山救护车', '正压氧气呼吸器'],
    '640522',
    36.6,
    105.6,
  ),
  t('中卫市防汛抢险队', 'professional', ['flood', 'road_clearing'], 40, ['抽水泵', '编织袋'], '640500', 37.52, 105.2),
  t('黄河水域搜救队', 'professional', ['water_search', 'flood'], 18, ['冲锋舟', '潜水装备'], '640502', 37.53, 105.12),
  t('国网中卫供电公司电力抢修队', 'professional', ['power_repair'], 22, ['移动发电车'], '640500', 37.505, 105.21),
  t('中卫移动通信保障队', 'professional', ['comms_support'], 12, ['应急通信车', '卫星电话'], '640500', 37.508, 105.195),
  t('中卫市人民医院紧急医学救援队', 'professional', ['medical'], 20, ['救护车'], '640500', 37.512, 105.185),
  t('交通运输局道路抢通队', 'professional', ['road_clearing'], 35, ['装载机', '挖掘机'], '640521', 37.48, 105.66),
  t(
    '园区某化工企业专职消防队',
    'enterprise',
    ['fire', 'hazardous_chemicals'],
    16,
    ['泡沫消防车'],
    '640571',
    37.532,
    105.15,
  ),
  t('海兴开发区企业联防救援队', 'enterprise', ['fire'], 14, ['水罐消防车'], '640572', 37.45, 105.6),
  t(
    '中卫蓝天救援队',
    'social',
    ['water_search', 'medical', 'structural_collapse'],
    25,
    ['生命探测仪', '橡皮艇'],
    '640502',
    37.52,
    105.18,
  ),
];

interface DemoWarehouse {
  name: string;
  level: WarehouseLevel;
  reserveKind: ReserveKind;
  jurisdiction: string;
  lat: number;
  lng: number;
  stock: { materialCode: string; quantity: number; minimum: number; expiresInDays?: number }[];
}

export const DEMO_WAREHOUSES: readonly DemoWarehouse[] = [
  {
    name: '【演示】中卫市应急物资储备库',
    level: 'city',
    reserveKind: 'physical',
    jurisdiction: '640500',
    lat: 37.5,
    lng: 105.2,
    stock: [
      { materialCode: '1010101', quantity: 300, minimum: 200 },
      { materialCode: '1010301', quantity: 1200, minimum: 1000 },
      { materialCode: '1020201', quantity: 500, minimum: 300, expiresInDays: 20 },
      { materialCode: '2010101', quantity: 40, minimum: 30 },
      { materialCode: '2010102', quantity: 20, minimum: 20 },
      { materialCode: '2050201', quantity: 200, minimum: 100 },
    ],
  },
  {
    name: '【演示】沙坡头区应急物资储备库',
    level: 'county',
    reserveKind: 'physical',
    jurisdiction: '640502',
    lat: 37.515,
    lng: 105.16,
    stock: [
      { materialCode: '1010101', quantity: 80, minimum: 100 },
      { materialCode: '2010401', quantity: 300, minimum: 200 },
      { materialCode: '2030301', quantity: 6, minimum: 4 },
      { materialCode: '3010101', quantity: 20000, minimum: 10000 },
    ],
  },
  {
    name: '【演示】中宁县应急物资储备库',
    level: 'county',
    reserveKind: 'physical',
    jurisdiction: '640521',
    lat: 37.49,
    lng: 105.67,
    stock: [
      { materialCode: '1010102', quantity: 150, minimum: 100 },
      { materialCode: '1020101', quantity: 400, minimum: 200, expiresInDays: 90 },
      { materialCode: '3020101', quantity: 12, minimum: 8 },
    ],
  },
  {
    name: '【演示】工业园区危化品应急物资库',
    level: 'enterprise',
    reserveKind: 'physical',
    jurisdiction: '640571',
    lat: 37.536,
    lng: 105.142,
    stock: [
      { materialCode: '2010102', quantity: 30, minimum: 20 },
      { materialCode: '2010103', quantity: 60, minimum: 40 },
      { materialCode: '2040101', quantity: 6, minimum: 4 },
      { materialCode: '2040201', quantity: 400, minimum: 200 },
      { materialCode: '2020101', quantity: 10, minimum: 6 },
    ],
  },
  {
    name: '【演示】中卫市协议储备（某商贸公司）',
    level: 'city',
    reserveKind: 'agreement',
    jurisdiction: '640500',
    lat: 37.507,
    lng: 105.22,
    stock: [
      { materialCode: '1020101', quantity: 2000, minimum: 0, expiresInDays: 180 },
      { materialCode: '1020201', quantity: 3000, minimum: 0, expiresInDays: 365 },
      { materialCode: '1010401', quantity: 500, minimum: 0 },
    ],
  },
];
