/**
 * What the assessment targets (考核目标) show the outside world: the document set per jurisdiction and year and the
 * progress against it. Pure types, shared with the console (`import type` from `@app/targets/contract`).
 */

/**
 * What a target measures. Counts over the year, drills excluded; the two rates need the year's denominator
 * (亿元 GDP, 万辆 motor vehicles) entered with the targets.
 */
export type TargetIndicator =
  | 'deaths'
  | 'incidents'
  | 'major_or_above_incidents'
  | 'major_or_above_share'
  | 'deaths_per_100m_gdp'
  | 'deaths_per_10k_vehicles';

/** `ceiling`: at most `value` (a count, a share 0..1, or a rate); `reduction`: at least `value` % below the baseline year. */
export type TargetKind = 'ceiling' | 'reduction';

/** 行业类别 a target may be limited to (the incident categories; coal and non-coal mines told apart). */
export type TargetCategory = string;

export interface TargetSpec {
  indicator: TargetIndicator;
  kind: TargetKind;
  value: number;
  /** Required for `reduction`. */
  baselineYear: number | null;
  /** Only incidents of this category count; null for all. */
  category: TargetCategory | null;
}

/** The year's denominators (rate targets need them, for the target year and for the baseline year). */
export interface TargetDenominators {
  /** 地区生产总值, in 亿元. */
  gdp100mYuan: number | null;
  /** 机动车保有量, in 万辆. */
  vehicles10k: number | null;
}

/** One set of a year's official counts as entered (e.g. from the statistics yearbook); null where nothing was entered. */
export interface RecordedCounts {
  /** 事故起数. */
  incidents: number | null;
  /** 死亡人数, counted as the jurisdiction counts it (含失踪 where missing persons count as dead). */
  deaths: number | null;
  /** 较大及以上事故起数. */
  majorOrAboveIncidents: number | null;
}

/**
 * The year's own official figures, entered (本年度统计数据（录入）): a later year's reduction target takes its
 * baseline from them when the system holds no incidents of that year (a bureau that began using it later). The
 * totals cover every category; `categories` holds the figures of single categories (road traffic for
 * 道路交通万车死亡率, coal mines for a target limited to them), each category at most once.
 */
export interface TargetRecordedFigures extends RecordedCounts {
  categories: ({ category: TargetCategory } & RecordedCounts)[];
}

/** PUT /targets/{jurisdiction}/{year} answers it; GET /targets/{jurisdiction}/{year} reads it. */
export interface TargetDocumentView {
  jurisdiction: string;
  jurisdictionName: string;
  year: number;
  targets: (TargetSpec & { indicatorLabel: string; categoryLabel: string | null })[];
  denominators: TargetDenominators;
  /** The year's official figures as entered; all null (and no categories) when none were. */
  recorded: TargetRecordedFigures;
  setAt: string | null;
  setBy: string | null;
  revision: number;
  /** The parent jurisdiction's ceiling count targets, and how much of each the children's documents take up. */
  split: {
    indicator: TargetIndicator;
    indicatorLabel: string;
    category: TargetCategory | null;
    parentValue: number | null;
    childrenSum: number;
    children: { jurisdiction: string; jurisdictionName: string; value: number | null }[];
  }[];
}

/** progress: met so far / over the limit / no data to judge (a missing denominator or baseline). */
export type TargetStatus = 'on_track' | 'exceeded' | 'no_data';

export interface TargetProgress {
  indicator: TargetIndicator;
  indicatorLabel: string;
  kind: TargetKind;
  category: TargetCategory | null;
  categoryLabel: string | null;
  /** The figure as set (a count, a share, a rate, or a percentage for a reduction). */
  value: number;
  /** The most the year may reach: the ceiling, or the baseline less the reduction. Null without data. */
  limit: number | null;
  /** The unit in words (起、人、%、人/亿元、人/万辆). */
  unit: string;
  baselineYear: number | null;
  baselineValue: number | null;
  /**
   * Where the baseline comes from: `recorded` — the baseline year's document carries the official figures it needs;
   * `counted` — the incidents the system holds for that year. Null for a ceiling, or when no baseline could be had.
   */
  baselineSource: 'recorded' | 'counted' | null;
  /** True for a death indicator of a jurisdiction that counts missing persons as dead (死亡人数含失踪). */
  deathsIncludeMissing: boolean;
  /** The value so far this year (up to `asOf`). */
  actual: number | null;
  /** actual against the baseline, as a signed fraction (−0.2 = 20 % lower); null without a baseline. */
  changeFromBaseline: number | null;
  status: TargetStatus;
  statusLabel: string;
  /** What is missing to judge it, in words (e.g. 缺少 2025 年地区生产总值). */
  missing: string[];
  /** Cumulative value at the end of each month so far (local calendar months). */
  trend: { month: string; value: number | null }[];
}

/** GET /statistics/targets?jurisdiction=&year= */
export interface TargetsProgressView {
  jurisdiction: string;
  jurisdictionName: string;
  year: number;
  timeZone: string;
  /** Figures count incidents that occurred up to this instant (the end of the year, or now). */
  asOf: string;
  drillsExcluded: true;
  /** False when no document is set for the jurisdiction and year (targets is then empty). */
  set: boolean;
  denominators: TargetDenominators;
  targets: TargetProgress[];
}
