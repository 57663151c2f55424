/**
 * Evaluation rubric (评估指标). The default follows the evaluation content of AQ/T 9009-2015 (生产安全事故应急演练评估
 * 规范): how the drill was prepared (演练准备) and how it was carried out, from warning and reporting through
 * command, on-scene action and resources to recovery, plus whether the plan itself held up. A drill may set its own
 * rubric before scoring; each aspect has a weight and a maximum score.
 */
export interface RubricAspect {
  key: string;
  label: string;
  weight: number;
  maxScore: number;
}

export const DEFAULT_RUBRIC: readonly RubricAspect[] = Object.freeze([
  { key: 'preparation', label: '演练准备（策划与设计、演练文件、人员与物资保障）', weight: 10, maxScore: 100 },
  {
    key: 'warning_reporting',
    label: '预警与信息报告（接警、研判、按时限逐级报告与通报）',
    weight: 15,
    maxScore: 100,
  },
  {
    key: 'response_command',
    label: '应急响应与指挥协调（响应启动、指挥部运转、部门协同、决策）',
    weight: 20,
    maxScore: 100,
  },
  { key: 'onsite_action', label: '现场处置（警戒管制、抢险救援、人员防护、医疗救护）', weight: 20, maxScore: 100 },
  { key: 'resources', label: '资源保障（队伍、物资装备、通信、后勤）', weight: 15, maxScore: 100 },
  { key: 'recovery', label: '后期处置（现场恢复、信息发布、善后）', weight: 10, maxScore: 100 },
  { key: 'plan_fitness', label: '预案适用性（预案内容切合实际、可操作）', weight: 10, maxScore: 100 },
]);

/**
 * The default rubric before it followed AQ/T 9009's evaluation content. A drill scored on it without setting a rubric
 * recorded no rubric of its own, so its evaluation keeps reading its sheets against this one.
 */
export const FIRST_DEFAULT_RUBRIC: readonly RubricAspect[] = Object.freeze([
  { key: 'plan_fitness', label: '预案适用性（预案内容是否切合实际、可操作）', weight: 20, maxScore: 100 },
  { key: 'command_coordination', label: '指挥与协调（响应启动、指挥部运转、部门协同）', weight: 25, maxScore: 100 },
  { key: 'responder_performance', label: '应急队伍表现（到达时间、处置动作、安全防护）', weight: 25, maxScore: 100 },
  { key: 'support', label: '应急保障（物资、通信、医疗、后勤）', weight: 15, maxScore: 100 },
  { key: 'improvement', label: '问题与改进（发现问题、整改建议）', weight: 15, maxScore: 100 },
]);

export interface AspectScore {
  aspect: string;
  score: number;
  comment: string | null;
}

export interface ScoreSheet {
  evaluator: string;
  scores: AspectScore[];
  recordedAt: string;
}

/**
 * Per aspect, the mean of every evaluator's latest sheet; overall, the weighted mean of the aspects' means as a
 * percentage of their maxima (aspects nobody scored are left out of the weights).
 */
export function summarizeScores(rubric: readonly RubricAspect[], sheets: readonly ScoreSheet[]) {
  const latest = new Map<string, ScoreSheet>();
  for (const sheet of sheets) latest.set(sheet.evaluator, sheet);
  const byAspect = rubric.map((aspect) => {
    const scores = [...latest.values()].flatMap((s) =>
      s.scores.filter((x) => x.aspect === aspect.key).map((x) => x.score),
    );
    const mean = scores.length === 0 ? null : round2(scores.reduce((a, b) => a + b, 0) / scores.length);
    return {
      aspect: aspect.key,
      label: aspect.label,
      weight: aspect.weight,
      maxScore: aspect.maxScore,
      evaluators: scores.length,
      mean,
    };
  });
  const scored = byAspect.filter((a) => a.mean !== null);
  const weights = scored.reduce((n, a) => n + a.weight, 0);
  const overallPercent =
    weights === 0 ? null : round2((scored.reduce((n, a) => n + (a.weight * a.mean!) / a.maxScore, 0) / weights) * 100);
  return { byAspect, evaluators: latest.size, overallPercent };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
