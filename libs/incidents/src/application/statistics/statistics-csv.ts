import { stringify } from 'csv-stringify/sync';
import { GRADE_LABELS, GRADE_ORDER } from '../../domain/incident/accident-grade';
import type { StatisticsLine } from '../../read-models/incident-statistics/incident-statistics.queries';

export function toCsv(lines: readonly StatisticsLine[]): string {
  const header = [
    '分组',
    '事故起数',
    '死亡人数',
    '失踪人数',
    '重伤人数',
    '轻伤人数',
    '受伤人数',
    '直接经济损失（元）',
    ...GRADE_ORDER.map((g) => GRADE_LABELS[g]),
    '较大及以上占比',
  ];
  const rows = lines.map((l) => [
    l.label,
    l.incidents,
    l.deaths,
    l.missing,
    l.seriousInjuries,
    l.minorInjuries,
    l.injuries,
    l.directLossYuan,
    ...GRADE_ORDER.map((g) => l.grades[g]),
    l.majorOrAboveShare,
  ]);
  // A cell that starts with = + - @ (or their full-width forms) is a formula to a spreadsheet program; such text
  // cells get a leading ' so an opened export never computes or fetches anything (negative numbers stay numbers).
  return stringify([header, ...rows], { escape_formulas: true });
}
