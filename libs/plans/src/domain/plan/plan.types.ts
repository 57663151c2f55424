import type { PlanKind, PlanStatus } from '../../contract';

// The values and shapes the outside world sees are defined once, in the context's contract.
export type {
  ActivationCriterion,
  PlanContent,
  PlanFiling,
  PlanFinding,
  PlanKind,
  PlanRequirements,
  PlanStatus,
  PlanTask,
  WorkingGroup,
} from '../../contract';

/** GB/T 29639-2020: 综合应急预案, 专项应急预案, 现场处置方案. */
export const PLAN_KINDS = {
  comprehensive: '综合应急预案',
  special: '专项应急预案',
  onsite: '现场处置方案',
} as const satisfies Readonly<Record<PlanKind, string>>;

/** The status of the newest version: draft → published → filed (备案) → retired; a revision starts a new draft. */
export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, string>> = {
  draft: '草案',
  published: '已发布',
  filed: '已备案',
  retired: '已废止',
};

export const planStream = (planId: string): string => `plan-${planId}`;
