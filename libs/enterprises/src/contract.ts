/**
 * What the enterprise register (企业) and the major hazard source register (重大危险源, GB 18218-2018) show the
 * outside world: the views their HTTP answers carry. Pure types, shared with the console
 * (`import type` from `@app/enterprises/contract`).
 */

export interface GeoPoint {
  lat: number;
  lng: number;
}

/**
 * 行业类别 of a registered unit. Coal mines and non-coal mines are told apart (their supervision and assessment
 * targets differ); each maps to an incident category when an incident is opened at the unit.
 */
export type EnterpriseIndustry =
  | 'hazardous_chemicals'
  | 'coal_mine'
  | 'non_coal_mine'
  | 'fireworks'
  | 'metallurgy'
  | 'industry_trade'
  | 'construction'
  | 'gas'
  | 'other';

/** A named person of the unit (主要负责人, 安全负责人), with the numbers the duty desk calls. */
export interface EnterpriseContact {
  name: string;
  phone: string;
}

/** GET /enterprises, GET /enterprises/{id}. */
export interface EnterpriseView {
  id: string;
  name: string;
  /** 统一社会信用代码 (18 characters, GB 32100-2015, check character verified). */
  creditCode: string;
  industry: EnterpriseIndustry;
  industryLabel: string;
  jurisdiction: string;
  jurisdictionName: string;
  address: string;
  location: GeoPoint;
  contacts: {
    /** 主要负责人 */
    principal: EnterpriseContact;
    /** 安全负责人 */
    safety: EnterpriseContact | null;
  };
  /** Counts for the register; the lists themselves come from their own endpoints (filtered by `enterpriseId`). */
  hazardSourceCount: number;
  /** The highest grade of its major hazard sources (1 = 一级, the most severe), null when it has none. */
  highestHazardGrade: HazardGrade | null;
  registeredAt: string;
  updatedAt: string;
  revision: number;
}

/** A device credential as listed (the key itself is shown once, when issued). */
export interface DeviceKeyView {
  keyId: string;
  label: string;
  issuedAt: string;
  issuedBy: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** POST /enterprises/{id}/device-keys → 201. `key` authenticates the gateway (X-Device-Key; MQTT password). */
export interface IssuedDeviceKey {
  keyId: string;
  key: string;
}

/** 生产单元 or 储存单元 (GB 18218-2018 3.4/3.5): identified separately. */
export type HazardUnitKind = 'production' | 'storage';

/**
 * The substance categories the grading needs (GB 18218-2018 Table 2 and the β table): named toxic gases carry their
 * own β; the rest take the β of their category.
 */
export type HazardCategory =
  | 'toxic_gas'
  | 'explosive'
  | 'flammable_gas'
  | 'flammable_aerosol'
  | 'oxidizing_gas'
  | 'flammable_liquid'
  | 'flammable_solid'
  | 'self_reactive'
  | 'organic_peroxide'
  | 'pyrophoric'
  | 'oxidizing'
  | 'water_reactive'
  | 'acute_toxic'
  | 'other';

/** 一级 (most severe) … 四级. */
export type HazardGrade = 1 | 2 | 3 | 4;

export interface HazardSubstanceView {
  casNo: string | null;
  name: string;
  category: HazardCategory;
  categoryLabel: string;
  /** q: the largest quantity that can be present, tonnes. */
  quantityTonnes: number;
  /** Q: the critical quantity, tonnes (the standard's table, or the category rule for unnamed substances). */
  criticalQuantityTonnes: number;
  beta: number;
  /** Where Q and β came from: the named entry, the category rule, or the value entered (with a reason). */
  basis: 'named' | 'category' | 'entered';
  /** The source in words: the table and entry of GB 18218-2018, or why an entered (stricter) value was taken. */
  basisNote: string;
  /** The symbol of GB 18218-2018 Table 2 (J1 … W11) the substance is counted under. */
  hazardClass: string;
  /** 序号 of GB 18218-2018 Table 1 for a named substance, null for one identified by its category. */
  tableEntry: number | null;
  /** q/Q, cut (not rounded) to four decimals. */
  ratio: number;
}

/** GET /hazard-sources, GET /hazard-sources/{id}, and the 201 of POST /hazard-sources. */
export interface HazardSourceView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  name: string;
  unitKind: HazardUnitKind;
  unitKindLabel: string;
  jurisdiction: string;
  jurisdictionName: string;
  location: GeoPoint;
  /** 500 m 范围内厂外暴露人员数 (sets α). */
  exposedPopulation: number;
  substances: HazardSubstanceView[];
  /** Σ q/Q, cut (not rounded) to four decimals: never shown as 1 while it is below 1. */
  sumRatio: number;
  /** Σ q/Q ≥ 1 */
  isMajor: boolean;
  alpha: number;
  /** R = α · Σ β·q/Q, cut (not rounded) to two decimals for display (the grade is decided on the exact value). */
  r: number;
  /** Null when not a major hazard source. */
  grade: HazardGrade | null;
  gradeLabel: string | null;
  /** When the unit was taken out of the register (核销), null while it is in use. */
  retiredAt: string | null;
  registeredAt: string;
  updatedAt: string;
  revision: number;
}

/** One entry of the history of a hazard source's identification (every change recomputes it). */
export interface HazardAssessmentHistoryEntry {
  at: string;
  by: string;
  what: string;
  sumRatio: number;
  r: number;
  grade: HazardGrade | null;
  isMajor: boolean;
}
