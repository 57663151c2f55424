import type { AccidentGrade, IncidentCategory, ResponseLevel } from '@app/incidents/domain';
import type {
  PlanEvaluationConclusion,
  PlanKind,
  PlanOwnerKind,
  PlanReviewConclusion,
  PlanReviewKind,
  PlanStatus,
} from '../../contract';

// The values the outside world sees are defined once, in the context's contract.
export type {
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
 * When a response level applies. Plans word it as "符合下列条件之一": ANY criterion given is enough. A criterion with
 * no threshold at all never matches (a level that only a person can decide).
 */
export interface ActivationCriterion {
  level: ResponseLevel;
  minGrade?: AccidentGrade;
  minDeaths?: number;
  minMissing?: number;
  minSeriousInjuries?: number;
  minTrapped?: number;
  minDirectLossYuan?: number;
}

export interface PlanTask {
  title: string;
  responseLevels: ResponseLevel[];
  /** The time the plan allows for the task once it is on the checklist (drill evaluations measure against it). */
  withinMinutes?: number;
}

/** A drill evaluation's finding (评估发现的问题) recorded against the plan, to be addressed by its next version. */
export interface PlanFinding {
  findingId: string;
  drillId: string | null;
  text: string;
  recordedBy: string;
  recordedAt: string;
}

/** A working group of the command structure (综合协调组, 抢险救援组 …) with its lead agency and tasks per level. */
export interface WorkingGroup {
  name: string;
  leadAgency: string;
  tasks: PlanTask[];
}

export interface PlanRequirements {
  teams: { specialty: string; count: number }[];
  materials: { materialCode: string; quantity: number }[];
}

/** One version of a plan: everything `POST /plans` and `PUT /plans/{id}` carry. */
export interface PlanContent {
  title: string;
  kind: PlanKind;
  jurisdiction: string;
  categories: IncidentCategory[];
  activation: { description: string; levels: ActivationCriterion[] };
  groups: WorkingGroup[];
  requirements: PlanRequirements;
  /** Whose plan it is (how often it is drilled); absent on plans written before it was recorded: a government's. */
  ownerKind?: PlanOwnerKind;
}

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

export interface PlanFiling {
  authority: string;
  filedAt: string;
  /** The filing date in the jurisdiction's calendar, its deadline (20 working days after publication) and whether
   * it came after it; filings recorded before these were kept carry none of the three. */
  filedOn?: string;
  deadline?: string;
  late?: boolean;
}

export const planStream = (planId: string): string => `plan-${planId}`;
