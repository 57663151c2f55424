import type { TargetProgress, TargetSpec } from '../../contract';
import {
  DENOMINATOR_OF,
  FIXED_CATEGORY,
  TARGET_INDICATORS,
  TARGET_STATUS_LABELS,
  TARGET_UNITS,
  type RecordedCounts,
  type TargetDenominators,
  type TargetIndicator,
  type TargetRecordedFigures,
  type TargetStatus,
} from '../target-document/target-document.types';

/**
 * The arithmetic of progress against a target, pure so its boundaries are unit-tested (docs/targets.md,
 * "Arithmetic of each indicator"). Figures come in per local calendar month and incident category; the caller has
 * already left drills out and limited them to the jurisdiction with everything below it.
 */

/** One month's incidents of one category (`month` is `YYYY-MM` in the jurisdiction's calendar). */
export interface MonthFigures {
  month: string;
  category: string;
  incidents: number;
  deaths: number;
  /** 失踪人数 (added to the deaths where the jurisdiction counts missing persons as dead). */
  missing: number;
  /** 较大 and above (较大、重大、特别重大). */
  majorOrAbove: number;
}

/** One year's figures so far and its document's denominators (null when no document or no figure was entered). */
export interface YearFigures {
  year: number;
  months: readonly MonthFigures[];
  denominators: TargetDenominators;
  /** The year's official figures as entered in its document (a baseline takes them over the counted ones). */
  recorded: TargetRecordedFigures;
  /** False while the year has not ended at the instant the progress is read (a baseline must be a whole year). */
  complete: boolean;
}

export interface ProgressInput {
  spec: TargetSpec;
  categoryLabel: string | null;
  year: YearFigures;
  /** The baseline year's figures; required for a reduction (null: none loaded). */
  baseline: YearFigures | null;
  /**
   * The target's jurisdiction counts missing persons as dead (`countMissingAsDeaths`, as its accident grading does):
   * every death indicator then counts 死亡 + 失踪.
   */
  countMissingAsDeaths: boolean;
  /** The local months of the target year to show in the trend (`YYYY-MM`, January up to the month of `asOf`). */
  trendMonths: readonly string[];
}

/**
 * Rounding: every figure shown (actual, limit, baseline, change) is rounded half up to 4 decimal places (counts are
 * whole numbers anyway; a share of 0.0213 reads 2.13 %), and the status compares the rounded figures, so what the
 * screen shows and what it says never disagree and floating-point noise (17.000000000000004) never decides a status.
 */
export const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

interface Sums {
  incidents: number;
  deaths: number;
  majorOrAbove: number;
}

function sums(months: readonly MonthFigures[], category: string | null, withMissing: boolean, upTo?: string): Sums {
  const total: Sums = { incidents: 0, deaths: 0, majorOrAbove: 0 };
  for (const m of months) {
    if (category !== null && m.category !== category) continue;
    if (upTo !== undefined && m.month > upTo) continue;
    total.incidents += m.incidents;
    total.deaths += m.deaths + (withMissing ? m.missing : 0);
    total.majorOrAbove += m.majorOrAbove;
  }
  return total;
}

/** The indicators that count people who died (the ones 失踪 is added to where the jurisdiction says so). */
export const DEATH_INDICATORS: readonly TargetIndicator[] = [
  'deaths',
  'deaths_per_100m_gdp',
  'deaths_per_10k_vehicles',
];

/** The entered counts each indicator needs: a recorded baseline is used only when all of them were entered. */
const RECORDED_NEEDS: Readonly<Record<TargetIndicator, readonly (keyof RecordedCounts)[]>> = {
  deaths: ['deaths'],
  incidents: ['incidents'],
  major_or_above_incidents: ['majorOrAboveIncidents'],
  major_or_above_share: ['majorOrAboveIncidents', 'incidents'],
  deaths_per_100m_gdp: ['deaths'],
  deaths_per_10k_vehicles: ['deaths'],
};

/**
 * The sums from the baseline year's entered figures for the category (the totals when null), or null when a figure
 * the indicator needs was not entered (the baseline is then counted from the incidents). Entered deaths are taken as
 * they are: the form asks for them counted the way the jurisdiction counts (含失踪 where missing count as dead).
 */
function recordedSums(
  indicator: TargetIndicator,
  recorded: TargetRecordedFigures,
  category: string | null,
): Sums | null {
  const counts: RecordedCounts | undefined =
    category === null ? recorded : recorded.categories.find((c) => c.category === category);
  if (!counts || RECORDED_NEEDS[indicator].some((key) => counts[key] === null)) return null;
  return {
    incidents: counts.incidents ?? 0,
    deaths: counts.deaths ?? 0,
    majorOrAbove: counts.majorOrAboveIncidents ?? 0,
  };
}

/** The indicator's value from the sums, or the missing denominator's name; unrounded. */
function valueOf(
  indicator: TargetIndicator,
  s: Sums,
  denominators: TargetDenominators,
  year: number,
): { value: number } | { missing: string } {
  switch (indicator) {
    case 'deaths':
      return { value: s.deaths };
    case 'incidents':
      return { value: s.incidents };
    case 'major_or_above_incidents':
      return { value: s.majorOrAbove };
    case 'major_or_above_share':
      // The statistics' definition (majorOrAboveShare): no incidents is a share of 0, not an unknown.
      return { value: s.incidents === 0 ? 0 : s.majorOrAbove / s.incidents };
    case 'deaths_per_100m_gdp':
    case 'deaths_per_10k_vehicles': {
      const denominator = DENOMINATOR_OF[indicator]!;
      const by = denominators[denominator.key];
      if (by === null || !(by > 0)) return { missing: `缺少 ${year} 年${denominator.label}` };
      return { value: s.deaths / by };
    }
  }
}

export function targetProgress(input: ProgressInput): TargetProgress {
  const { spec, year, baseline } = input;
  const missing: string[] = [];
  // 道路交通万车死亡率 counts road-traffic deaths whatever the target's category (FIXED_CATEGORY).
  const category = FIXED_CATEGORY[spec.indicator] ?? spec.category;
  const withMissing = input.countMissingAsDeaths && DEATH_INDICATORS.includes(spec.indicator);
  const current = valueOf(spec.indicator, sums(year.months, category, withMissing), year.denominators, year.year);
  const actual = 'value' in current ? round4(current.value) : null;
  if ('missing' in current) missing.push(current.missing);

  let baselineValue: number | null = null;
  let baselineSource: TargetProgress['baselineSource'] = null;
  if (spec.baselineYear !== null) {
    if (!baseline || baseline.year !== spec.baselineYear) {
      missing.push(`缺少 ${spec.baselineYear} 年基准数据`);
    } else {
      // The official figures entered for the baseline year win over the incidents the system holds for it: a bureau
      // that began using the system later has none (or only some) of that year's accidents on record.
      const entered = recordedSums(spec.indicator, baseline.recorded, category);
      baselineSource = entered ? 'recorded' : 'counted';
      const base = valueOf(
        spec.indicator,
        entered ?? sums(baseline.months, category, withMissing),
        baseline.denominators,
        baseline.year,
      );
      if ('missing' in base) missing.push(base.missing);
      // Entered figures are the whole year's by definition; a counted baseline must wait for the year to end.
      else if (!entered && !baseline.complete) missing.push(`基准年 ${baseline.year} 年尚未结束`);
      else baselineValue = round4(base.value);
    }
  }

  const limit =
    spec.kind === 'ceiling'
      ? round4(spec.value)
      : baselineValue === null
        ? null
        : round4((baselineValue * (100 - spec.value)) / 100);
  const status: TargetStatus =
    actual === null || limit === null ? 'no_data' : actual <= limit ? 'on_track' : 'exceeded';
  const changeFromBaseline =
    actual === null || baselineValue === null || baselineValue === 0
      ? null
      : round4((actual - baselineValue) / baselineValue);

  const trend = input.trendMonths.map((month) => {
    const v = valueOf(spec.indicator, sums(year.months, category, withMissing, month), year.denominators, year.year);
    return { month, value: 'value' in v ? round4(v.value) : null };
  });

  return {
    indicator: spec.indicator,
    indicatorLabel: TARGET_INDICATORS[spec.indicator],
    kind: spec.kind,
    category: spec.category,
    categoryLabel: input.categoryLabel,
    value: spec.value,
    limit,
    // Said in the unit too, so a figure read on its own still says what it counts.
    unit: withMissing ? `${TARGET_UNITS[spec.indicator]}（含失踪）` : TARGET_UNITS[spec.indicator],
    baselineYear: spec.baselineYear,
    baselineValue,
    baselineSource,
    deathsIncludeMissing: withMissing,
    actual,
    changeFromBaseline,
    status,
    statusLabel: TARGET_STATUS_LABELS[status],
    missing,
    trend,
  };
}

/** `YYYY-01` … the month of `upTo` (`YYYY-MM`), or all twelve when the year is over; none before it begins. */
export function trendMonthsOf(year: number, upTo: string | null): string[] {
  const last = upTo === null ? 0 : upTo.startsWith(`${year}-`) ? Number(upTo.slice(5, 7)) : upTo < `${year}` ? 0 : 12;
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}
