import type { AccidentGrade } from '../../contract';

// The values the outside world sees are defined once, in the context's contract.
export type { AccidentGrade } from '../../contract';

/**
 * Accident grade (事故等级) under 《生产安全事故报告和调查处理条例》 Art. 3: the highest grade reached by any of
 * deaths, serious injuries (incl. acute industrial poisoning) and direct economic loss; lower bounds inclusive.
 */

export const GRADE_ORDER: readonly AccidentGrade[] = ['general', 'major', 'serious', 'especially_serious'];

export const GRADE_LABELS: Readonly<Record<AccidentGrade, string>> = {
  general: '一般事故',
  major: '较大事故',
  serious: '重大事故',
  especially_serious: '特别重大事故',
};

/** Lower bounds of each grade above `general`, per measure (Art. 3). */
const THRESHOLDS: readonly { grade: AccidentGrade; deaths: number; seriousInjuries: number; directLossYuan: number }[] =
  [
    { grade: 'especially_serious', deaths: 30, seriousInjuries: 100, directLossYuan: 100_000_000 },
    { grade: 'serious', deaths: 10, seriousInjuries: 50, directLossYuan: 50_000_000 },
    { grade: 'major', deaths: 3, seriousInjuries: 10, directLossYuan: 10_000_000 },
  ];

export interface GradingMeasures {
  deaths: number;
  missing: number;
  seriousInjuries: number;
  directLossYuan?: number | null;
}

export interface GradingPolicy {
  /** Per-jurisdiction: many local plans count missing persons with the dead. */
  countMissingAsDeaths: boolean;
}

export function gradeAccident(measures: GradingMeasures, policy: GradingPolicy): AccidentGrade {
  const deaths = measures.deaths + (policy.countMissingAsDeaths ? measures.missing : 0);
  const loss = measures.directLossYuan ?? 0;
  const reached = THRESHOLDS.find(
    (t) => deaths >= t.deaths || measures.seriousInjuries >= t.seriousInjuries || loss >= t.directLossYuan,
  );
  return reached?.grade ?? 'general';
}

export function gradeRank(grade: AccidentGrade): number {
  return GRADE_ORDER.indexOf(grade);
}
