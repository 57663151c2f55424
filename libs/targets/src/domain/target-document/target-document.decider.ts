import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import type { SetTargets, TargetDocumentCommand } from './target-document.commands';
import {
  TargetCategoryUnknownError,
  TargetDocumentNotFoundError,
  TargetDuplicateError,
  TargetInvalidError,
  TargetYearInvalidError,
} from './target-document.errors';
import { targetDocumentEvents, type TargetDocumentEvent } from './target-document.events';
import { evolveTargetDocument, initialTargetDocumentState, type TargetDocumentState } from './target-document.state';
import {
  COUNT_INDICATORS,
  FIXED_CATEGORY,
  MAX_TARGETS,
  RECORDED_COUNTS,
  TARGET_INDICATORS,
  TARGET_KINDS,
  TARGET_YEARS,
  targetKey,
  type RecordedCounts,
  type TargetDenominators,
  type TargetRecordedFigures,
  type TargetSpec,
} from './target-document.types';

export function decideTargetDocument(
  command: TargetDocumentCommand,
  state: TargetDocumentState,
): TargetDocumentEvent[] {
  switch (command.type) {
    case 'SetTargets':
      return set(command, state);
    default:
      return unknownCase(command.type);
  }
}

/** 下达 or 调整: the whole document is replaced; setting the same content again changes nothing. */
function set(command: SetTargets, state: TargetDocumentState): TargetDocumentEvent[] {
  assertYear(command.year);
  const targets = command.targets.map((spec, i) => normalised(spec, command, `targets[${i}]`));
  if (targets.length > MAX_TARGETS) {
    throw new TargetInvalidError(`一个年度最多下达 ${MAX_TARGETS} 项考核目标`, 'targets');
  }
  const seen = new Set<string>();
  targets.forEach((spec, i) => {
    const key = targetKey(spec);
    if (seen.has(key)) throw new TargetDuplicateError(TARGET_INDICATORS[spec.indicator], `targets[${i}]`);
    seen.add(key);
  });
  const denominators = checkedDenominators(command.denominators);
  const recorded = checkedRecorded(command.recorded, command.knownCategories);
  if (
    state.status === 'set' &&
    JSON.stringify({ targets: state.targets, denominators: state.denominators, recorded: state.recorded }) ===
      JSON.stringify({ targets, denominators, recorded })
  ) {
    return [];
  }
  return [
    {
      type: 'TargetsSet',
      data: {
        jurisdiction: command.jurisdiction,
        year: command.year,
        targets,
        denominators,
        recorded,
        setAt: command.now.toISOString(),
      },
    },
  ];
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < TARGET_YEARS.min || year > TARGET_YEARS.max) {
    throw new TargetYearInvalidError(TARGET_YEARS.min, TARGET_YEARS.max);
  }
}

/** One target checked against its kind, in a fixed field order so an unchanged document compares equal. */
function normalised(spec: TargetSpec, command: SetTargets, path: string): TargetSpec {
  if (!(spec.indicator in TARGET_INDICATORS))
    throw new TargetInvalidError(`未知的指标 ${String(spec.indicator)}`, path);
  if (!TARGET_KINDS.includes(spec.kind)) throw new TargetInvalidError(`未知的目标类型 ${String(spec.kind)}`, path);
  if (!Number.isFinite(spec.value)) throw new TargetInvalidError('目标值须为数字', `${path}.value`);
  const label = TARGET_INDICATORS[spec.indicator];
  if (spec.category !== null && !command.knownCategories.includes(spec.category)) {
    throw new TargetCategoryUnknownError(spec.category, `${path}.category`);
  }
  const fixed = FIXED_CATEGORY[spec.indicator];
  if (fixed !== undefined && spec.category !== null && spec.category !== fixed) {
    throw new TargetInvalidError(
      `${label}只统计${fixed === 'road_traffic' ? '道路交通' : fixed}事故，不能限定其他行业类别`,
      `${path}.category`,
    );
  }
  if (spec.kind === 'ceiling') {
    if (spec.value < 0) throw new TargetInvalidError(`${label}的上限不能为负数`, `${path}.value`);
    // People and accidents are counted whole: "at most 2.5 deaths" is no target anyone can be held to, and the split
    // of a count over the lower jurisdictions must add up in whole numbers.
    if (COUNT_INDICATORS.includes(spec.indicator) && !Number.isInteger(spec.value)) {
      throw new TargetInvalidError(`${label}的上限须为整数`, `${path}.value`);
    }
    if (spec.indicator === 'major_or_above_share' && spec.value > 1) {
      throw new TargetInvalidError(`${label}须为 0 至 1 之间的比例（2% 写作 0.02）`, `${path}.value`);
    }
    if (spec.baselineYear !== null) {
      throw new TargetInvalidError(`上限类目标不设基准年（${label}）`, `${path}.baselineYear`);
    }
  } else {
    if (!(spec.value > 0 && spec.value < 100)) {
      throw new TargetInvalidError(`${label}的下降幅度须大于 0、小于 100（百分数）`, `${path}.value`);
    }
    if (spec.baselineYear === null) {
      throw new TargetInvalidError(`下降类目标须注明基准年（${label}）`, `${path}.baselineYear`);
    }
    if (
      !Number.isInteger(spec.baselineYear) ||
      spec.baselineYear < TARGET_YEARS.min ||
      spec.baselineYear >= command.year
    ) {
      throw new TargetInvalidError(`基准年须早于考核年度 ${command.year} 年（${label}）`, `${path}.baselineYear`);
    }
  }
  return {
    indicator: spec.indicator,
    kind: spec.kind,
    value: spec.value,
    baselineYear: spec.kind === 'reduction' ? spec.baselineYear : null,
    category: fixed !== undefined ? null : spec.category,
  };
}

function checkedDenominators(denominators: TargetDenominators): TargetDenominators {
  const check = (value: number | null, name: string, path: string): number | null => {
    if (value === null) return null;
    if (!Number.isFinite(value) || value <= 0) throw new TargetInvalidError(`${name}须大于 0`, path);
    return value;
  };
  return {
    gdp100mYuan: check(denominators.gdp100mYuan, '地区生产总值（亿元）', 'denominators.gdp100mYuan'),
    vehicles10k: check(denominators.vehicles10k, '机动车保有量（万辆）', 'denominators.vehicles10k'),
  };
}

/**
 * The year's entered official figures: whole numbers ≥ 0 (they are counts of accidents and people), 较大及以上 no more
 * than all accidents, each category a known one and named once. Returned in a fixed field order, categories in the
 * order given, so an unchanged document compares equal.
 */
function checkedRecorded(recorded: TargetRecordedFigures, knownCategories: readonly string[]): TargetRecordedFigures {
  const counts = (figures: RecordedCounts, path: string): RecordedCounts => {
    const out = {} as RecordedCounts;
    for (const key of Object.keys(RECORDED_COUNTS) as (keyof RecordedCounts)[]) {
      const value = figures[key];
      if (value !== null && !(Number.isInteger(value) && value >= 0)) {
        throw new TargetInvalidError(`录入的${RECORDED_COUNTS[key]}须为不小于 0 的整数`, `${path}.${key}`);
      }
      out[key] = value;
    }
    if (out.incidents !== null && out.majorOrAboveIncidents !== null && out.majorOrAboveIncidents > out.incidents) {
      throw new TargetInvalidError('录入的较大及以上事故起数不能多于事故起数', `${path}.majorOrAboveIncidents`);
    }
    return out;
  };
  const seen = new Set<string>();
  const categories = recorded.categories.map((entry, i) => {
    const path = `recorded.categories[${i}]`;
    if (!knownCategories.includes(entry.category))
      throw new TargetCategoryUnknownError(entry.category, `${path}.category`);
    if (seen.has(entry.category)) {
      throw new TargetInvalidError('录入的统计数据中同一行业类别只能出现一次', `${path}.category`);
    }
    seen.add(entry.category);
    return { category: entry.category, ...counts(entry, path) };
  });
  return { ...counts(recorded, 'recorded'), categories };
}

export const targetDocumentDecider = defineDecider<TargetDocumentCommand, TargetDocumentEvent, TargetDocumentState>({
  events: targetDocumentEvents,
  initialState: initialTargetDocumentState,
  evolve: evolveTargetDocument,
  decide: decideTargetDocument,
  notFound: () => new TargetDocumentNotFoundError(),
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
});
