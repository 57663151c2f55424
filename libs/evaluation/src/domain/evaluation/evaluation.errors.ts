import { domainError } from '@app/shared';

// The evaluation context's error catalogue: each code, its status and its Chinese wording, declared once.
// A drill that is unknown or out of scope answers the shared DRILL_NOT_FOUND (`DrillNotFoundError` of @app/shared).

export const RubricLockedError = domainError({
  code: 'RUBRIC_LOCKED',
  kind: 'conflict',
  message: '已有评估人打分，评估指标不能再修改',
});

export const ScoreOutOfRubricError = domainError({
  code: 'SCORE_NOT_IN_RUBRIC',
  kind: 'rule',
  message: (detail: string) => detail,
});

/** Scores and the conclusion judge the whole drill: they wait for its end (findings may be noted while it runs). */
export const DrillNotEndedError = domainError({
  code: 'EVALUATION_DRILL_NOT_ENDED',
  kind: 'conflict',
  message: '演练尚未结束：演练结束后方可评分和作出评估结论',
});
