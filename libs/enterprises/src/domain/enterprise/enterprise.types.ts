import type { EnterpriseIndustry } from '../../contract';

/** 行业类别 the register knows, with the Chinese label every view carries. */
export const ENTERPRISE_INDUSTRY_LABELS: Readonly<Record<EnterpriseIndustry, string>> = {
  hazardous_chemicals: '危险化学品',
  coal_mine: '煤矿',
  non_coal_mine: '非煤矿山',
  fireworks: '烟花爆竹',
  metallurgy: '冶金',
  industry_trade: '工贸',
  construction: '建筑施工',
  gas: '燃气',
  other: '其他',
};

export const ENTERPRISE_INDUSTRIES = Object.keys(ENTERPRISE_INDUSTRY_LABELS) as EnterpriseIndustry[];

/** Field limits, shared by request validation and the decider (which refuses what a bypassing caller sends). */
export const ENTERPRISE_LIMITS = {
  name: 200,
  address: 300,
  contactName: 100,
  contactPhone: 50,
  keyLabel: 100,
  /** Active device keys per enterprise: enough for every gateway of a plant, few enough to audit. */
  activeKeys: 20,
} as const;

export interface EnterpriseContactData {
  name: string;
  phone: string;
}

export interface EnterpriseContactsData {
  principal: EnterpriseContactData;
  safety: EnterpriseContactData | null;
}

export interface GeoPointData {
  lat: number;
  lng: number;
}
