import type { IncidentCategory, ResponseLevel } from '../../contract';

// The values the outside world sees are defined once, in the context's contract.
export type { IncidentCategory, IncidentStatus, Recipient, ResponseLevel } from '../../contract';

/** Value types shared by the incident's commands, events and state. */
export interface Casualties {
  deaths: number;
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
  trapped: number;
  /** 涉险人数 and 紧急疏散人数 (21号令 第三条); added later, absent on older events. */
  endangered?: number;
  evacuated?: number;
}

export interface IncidentLocation {
  address: string;
  lat: number;
  lng: number;
}

export interface Reporter {
  name: string;
  phone: string;
  organization: string;
}

/** Work-safety incident categories (行业类别) used for plans and the statistics of docs/domain.md rule 26. */
export const INCIDENT_CATEGORIES = {
  hazardous_chemicals: '危险化学品',
  coal_mine: '煤矿',
  non_coal_mine: '非煤矿山',
  // Incidents filed before coal and non-coal mines were told apart keep their category (docs/adr/0016).
  mining: '矿山（未区分）',
  fire: '火灾',
  road_traffic: '道路交通',
  construction: '建筑施工',
  industry_trade: '工贸',
  special_equipment: '特种设备',
  gas: '燃气',
  flood_geological: '自然灾害次生事故',
  other: '其他',
} as const satisfies Readonly<Record<IncidentCategory, string>>;

/** Categories kept only for what was filed before a split (docs/adr/0016): read and filtered on, never chosen anew. */
export const LEGACY_INCIDENT_CATEGORIES: readonly IncidentCategory[] = ['mining'];

/** The categories a new incident, plan or target may name (every category a reader may meet is in INCIDENT_CATEGORIES). */
export const OFFERED_INCIDENT_CATEGORIES: readonly IncidentCategory[] = (
  Object.keys(INCIDENT_CATEGORIES) as IncidentCategory[]
).filter((c) => !LEGACY_INCIDENT_CATEGORIES.includes(c));

/**
 * Whether a plan written for these categories covers an incident of this category. An incident filed as 矿山（未区分）
 * before the split is covered by a plan for either kind of mine (a plan for mines was upcast to both, docs/adr/0016).
 */
export function categoryCoveredBy(planCategories: readonly string[], incidentCategory: string): boolean {
  if (planCategories.includes(incidentCategory)) return true;
  return incidentCategory === 'mining' && planCategories.some((c) => c === 'coal_mine' || c === 'non_coal_mine');
}

/** 响应级别 I (highest) … IV: decided by a commander, never copied from the grade (GB/T 29639-2020). */
export const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const satisfies readonly ResponseLevel[];
export const RESPONSE_LEVEL_LABELS: Readonly<Record<ResponseLevel, string>> = {
  I: 'Ⅰ级响应',
  II: 'Ⅱ级响应',
  III: 'Ⅲ级响应',
  IV: 'Ⅳ级响应',
};

export function incidentStream(incidentId: string): string {
  return `incident-${incidentId}`;
}
