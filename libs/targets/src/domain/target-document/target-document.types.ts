import type {
  RecordedCounts,
  TargetDenominators,
  TargetIndicator,
  TargetKind,
  TargetRecordedFigures,
  TargetSpec,
  TargetStatus,
} from '../../contract';

export type {
  RecordedCounts,
  TargetDenominators,
  TargetIndicator,
  TargetKind,
  TargetRecordedFigures,
  TargetSpec,
  TargetStatus,
} from '../../contract';

/** The indicators in the order the documents and the statistics screen list them, with their Chinese names. */
export const TARGET_INDICATORS = {
  deaths: '生产安全事故死亡人数',
  incidents: '生产安全事故起数',
  major_or_above_incidents: '较大及以上事故起数',
  major_or_above_share: '较大及以上事故占比',
  deaths_per_100m_gdp: '亿元地区生产总值生产安全事故死亡率',
  deaths_per_10k_vehicles: '道路交通万车死亡率',
} as const satisfies Readonly<Record<TargetIndicator, string>>;

export const TARGET_KINDS: readonly TargetKind[] = ['ceiling', 'reduction'];

/** The unit of an indicator's figure (a share is a fraction 0..1, shown as a percentage). */
export const TARGET_UNITS: Readonly<Record<TargetIndicator, string>> = {
  deaths: '人',
  incidents: '起',
  major_or_above_incidents: '起',
  major_or_above_share: '%',
  deaths_per_100m_gdp: '人/亿元',
  deaths_per_10k_vehicles: '人/万辆',
};

/** Counts of incidents or people: only these are split to lower jurisdictions (a share or a rate does not add up). */
export const COUNT_INDICATORS: readonly TargetIndicator[] = ['deaths', 'incidents', 'major_or_above_incidents'];

export const TARGET_STATUS_LABELS: Readonly<Record<TargetStatus, string>> = {
  on_track: '控制在目标以内',
  exceeded: '已超出目标',
  no_data: '缺少数据，无法判断',
};

/** Years a document may be set for: wide enough for any plan period, narrow enough to catch a mistyped year. */
export const TARGET_YEARS = { min: 2000, max: 2100 } as const;

/** At most this many targets in one document (the municipal tables hold a handful). */
export const MAX_TARGETS = 50;

/** The denominator a rate indicator divides by, and its name in words. */
export const DENOMINATOR_OF: Partial<Record<TargetIndicator, { key: keyof TargetDenominators; label: string }>> = {
  deaths_per_100m_gdp: { key: 'gdp100mYuan', label: '地区生产总值' },
  deaths_per_10k_vehicles: { key: 'vehicles10k', label: '机动车保有量' },
};

/**
 * Indicators that count one category by definition: 道路交通万车死亡率 is road-traffic deaths per 10,000 motor
 * vehicles, whatever category the target names (the decider keeps such a target's category null).
 */
export const FIXED_CATEGORY: Partial<Record<TargetIndicator, string>> = {
  deaths_per_10k_vehicles: 'road_traffic',
};

/** One target's identity in its document: an indicator once per category (and once without a category). */
export const targetKey = (spec: Pick<TargetSpec, 'indicator' | 'category'>): string =>
  `${spec.indicator}/${spec.category ?? '*'}`;

/** The stream id of a document: `<jurisdiction>-<year>` (stream `targets-640500-2026`). */
export const targetDocumentId = (jurisdiction: string, year: number): string => `${jurisdiction}-${year}`;

/** A document without entered figures (and every document set before figures could be entered). */
export const noRecordedFigures = (): TargetRecordedFigures => ({
  incidents: null,
  deaths: null,
  majorOrAboveIncidents: null,
  categories: [],
});

/** At most this many categories in a year's entered figures (the incident categories are fewer). */
export const MAX_RECORDED_CATEGORIES = 50;

/** The entered counts in a fixed order, with their names in words (validation messages say which one is wrong). */
export const RECORDED_COUNTS = {
  incidents: '事故起数',
  deaths: '死亡人数',
  majorOrAboveIncidents: '较大及以上事故起数',
} as const satisfies Readonly<Record<keyof RecordedCounts, string>>;
