import type {
  PlanEvaluationConclusion,
  PlanKind,
  PlanReviewConclusion,
  PlanReviewKind,
  PlanStatus,
} from '../../contract';

// The values and shapes the outside world sees are defined once, in the context's contract.
export type {
  ActivationCriterion,
  PlanContent,
  PlanFiling,
  PlanFinding,
  PlanRequirements,
  PlanTask,
  WorkingGroup,
  PlanEvaluation,
  PlanEvaluationConclusion,
  PlanKind,
  PlanOwnerKind,
  PlanReview,
  PlanReviewConclusion,
  PlanReviewKind,
  PlanStatus,
} from '../../contract';

/** GB/T 29639-2020: 综合应急预案, 专项应急预案, 现场处置方案. */
export const PLAN_KINDS = {
  comprehensive: '综合应急预案',
  special: '专项应急预案',
  onsite: '现场处置方案',
} as const satisfies Readonly<Record<PlanKind, string>>;

/**
 * The status of the newest version: draft → reviewed (评审/论证) → published → filed (备案) → retired; a revision
 * starts a new draft.
 */
export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, string>> = {
  draft: '草案',
  reviewed: '已评审',
  published: '已发布',
  filed: '已备案',
  retired: '已废止',
};

/** 预案办法 第二十条、第二十一条: governments' and high-risk units' plans are reviewed (评审); others may be argued (论证). */
export const PLAN_REVIEW_KINDS = { review: '评审', demonstration: '论证' } as const satisfies Readonly<
  Record<PlanReviewKind, string>
>;

export const PLAN_REVIEW_CONCLUSIONS = {
  passed: '通过',
  passed_with_changes: '修改后通过',
  failed: '不通过',
} as const satisfies Readonly<Record<PlanReviewConclusion, string>>;

export const PLAN_EVALUATION_CONCLUSIONS = {
  no_revision: '继续有效，无需修订',
  revision_needed: '需要修订',
} as const satisfies Readonly<Record<PlanEvaluationConclusion, string>>;

export const planStream = (planId: string): string => `plan-${planId}`;
