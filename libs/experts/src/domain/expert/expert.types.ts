import type { ExpertSpecialty } from '../../contract';

/** 专业领域 the library knows, with the Chinese label every view carries. Coal and non-coal mines are apart. */
export const EXPERT_SPECIALTY_LABELS: Readonly<Record<ExpertSpecialty, string>> = {
  hazardous_chemicals: '危险化学品',
  coal_mine: '煤矿',
  non_coal_mine: '非煤矿山',
  fire: '消防',
  road_traffic: '道路交通',
  construction: '建筑施工',
  special_equipment: '特种设备',
  gas: '燃气',
  industry_trade: '工贸',
  fireworks: '烟花爆竹',
  metallurgy: '冶金',
  geology: '地质灾害',
  flood: '防汛抗旱',
  medical: '医疗救护',
  power: '电力',
  structural: '结构工程',
  environment: '环境监测',
  other: '其他',
};

export const EXPERT_SPECIALTIES = Object.keys(EXPERT_SPECIALTY_LABELS) as ExpertSpecialty[];

export const specialtyLabelsOf = (specialties: readonly ExpertSpecialty[]): string[] =>
  specialties.map((s) => EXPERT_SPECIALTY_LABELS[s] ?? s);

/** Field limits, shared by request validation and the deciders (which refuse what a bypassing caller sends). */
export const EXPERT_LIMITS = {
  name: 100,
  title: 100,
  organization: 200,
  phone: 50,
  specialties: 8,
  reason: 500,
  topic: 500,
  note: 500,
} as const;
