import type { EvaluationConclusionView, EvaluationVerdict } from '../../contract';

/**
 * 评估结论: the overall verdict the report prints, computed from the weighted overall score (百分制). AQ/T 9009 asks
 * the report for an overall judgement without fixing grades; these bands are this system's rule (docs/domain.md
 * rule 22): 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 below 60. A verdict is given only once the drill has ended
 * and every aspect of the rubric has at least one score: a part-scored rubric would grade on what happened to be
 * scored first.
 */
export const VERDICT_BANDS: readonly { verdict: Exclude<EvaluationVerdict, 'pending'>; from: number; label: string }[] =
  Object.freeze([
    { verdict: 'excellent', from: 90, label: '优秀' },
    { verdict: 'good', from: 80, label: '良好' },
    { verdict: 'pass', from: 60, label: '合格' },
    { verdict: 'fail', from: 0, label: '不合格' },
  ]);

export const VERDICT_RULE =
  '综合得分为各评估内容平均得分按权重折算的百分制得分：90 分及以上为优秀，80 分及以上不足 90 分为良好，60 分及以上不足 80 分为合格，不足 60 分为不合格；演练结束且各项评估内容均已评分后方作结论。';

export interface ConclusionInput {
  ended: boolean;
  overallPercent: number | null;
  /** Aspects of the rubric nobody has scored yet, by label. */
  unscored: readonly string[];
}

export function concludeEvaluation(input: ConclusionInput): EvaluationConclusionView {
  const pending = (reason: string): EvaluationConclusionView => ({
    verdict: 'pending',
    verdictLabel: '暂不评定',
    overallPercent: input.overallPercent,
    reason,
    rule: VERDICT_RULE,
  });
  if (!input.ended) return pending('演练尚未结束，暂不作评估结论。');
  if (input.overallPercent === null) return pending('尚无评估人评分，暂不作评估结论。');
  if (input.unscored.length > 0)
    return pending(`尚有 ${input.unscored.length} 项评估内容未评分（${input.unscored.join('、')}），暂不作评估结论。`);
  const band = VERDICT_BANDS.find((b) => input.overallPercent! >= b.from) ?? VERDICT_BANDS[VERDICT_BANDS.length - 1]!;
  return {
    verdict: band.verdict,
    verdictLabel: band.label,
    overallPercent: input.overallPercent,
    reason: `综合得分 ${formatScore(input.overallPercent)} 分，评定为${band.label}。`,
    rule: VERDICT_RULE,
  };
}

/** A score as printed: at most two decimals, no trailing zeros. */
export const formatScore = (value: number): string => String(Math.round(value * 100) / 100);
