import type { HiddenHazardGrade, HiddenHazardSource, HiddenHazardStatus, SupervisionLevel } from '../../contract';

export const HIDDEN_HAZARD_GRADES: readonly HiddenHazardGrade[] = ['general', 'major'];
export const HIDDEN_HAZARD_SOURCES: readonly HiddenHazardSource[] = ['self_inspection', 'inspection', 'report'];
export const SUPERVISION_LEVELS: readonly SupervisionLevel[] = ['county', 'city', 'province'];

export const GRADE_LABELS: Readonly<Record<HiddenHazardGrade, string>> = {
  general: '一般事故隐患',
  major: '重大事故隐患',
};

export const SOURCE_LABELS: Readonly<Record<HiddenHazardSource, string>> = {
  self_inspection: '企业自查',
  inspection: '监督检查',
  report: '举报',
};

export const STATUS_LABELS: Readonly<Record<HiddenHazardStatus, string>> = {
  rectifying: '整改中',
  rectified: '已整改待验收',
  verified: '验收通过',
  closed: '已销号',
};

export const SUPERVISION_LEVEL_LABELS: Readonly<Record<SupervisionLevel, string>> = {
  county: '县级挂牌督办',
  city: '市级挂牌督办',
  province: '省级挂牌督办',
};

/** Higher supervises above lower: re-supervision only ever moves up this order. */
export const SUPERVISION_RANK: Readonly<Record<SupervisionLevel, number>> = { county: 1, city: 2, province: 3 };

/**
 * One jurisdiction on the line from the hazard's own up to the top, as the application reads it from the
 * jurisdiction tree (the decider stays pure: it is handed the line, it does not look it up).
 */
export interface JurisdictionStep {
  code: string;
  /** The tree's level: city, county, park, town (province when the tree has one). */
  level: string;
}

/**
 * The government level a jurisdiction of the tree acts at when it supervises. A 园区/开发区 sits directly under its
 * city and its administration supervises as a county-level government does; a town (乡镇) does not supervise.
 */
export function supervisionLevelOf(level: string): SupervisionLevel | null {
  switch (level) {
    case 'county':
    case 'park':
      return 'county';
    case 'city':
      return 'city';
    case 'province':
      return 'province';
    default:
      return null;
  }
}

/** Who acts: a person, named as colleagues know them, and the jurisdiction their account belongs to. */
export interface HiddenHazardActor {
  id: string;
  name: string;
  jurisdiction: string;
}
