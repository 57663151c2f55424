import { EventRegistry } from '@app/event-sourcing/events';
import type { PlanContent, PlanEvaluation, PlanFiling, PlanFinding, PlanReview } from './plan.types';

/** Version 1 of a new plan, as a draft. */
export interface PlanDrafted {
  type: 'PlanDrafted';
  data: { planId: string; version: 1; content: PlanContent; draftedBy: string; draftedAt: string };
}

/** `PUT /plans/{id}`: a new version as a draft; earlier versions stay readable and the one in force stays in force. */
export interface PlanRevised {
  type: 'PlanRevised';
  data: {
    planId: string;
    version: number;
    content: PlanContent;
    revisedBy: string;
    revisedAt: string;
    addressedFindings?: PlanFinding[];
  };
}

/** A finding from a drill evaluation, open until the next version records it as addressed. */
export interface PlanFindingRecorded {
  type: 'PlanFindingRecorded';
  data: { planId: string; finding: PlanFinding };
}

/** 评审 or 论证 of the newest (draft) version; a later review of the same version replaces it. */
export interface PlanReviewed {
  type: 'PlanReviewed';
  data: { planId: string; version: number; review: PlanReview };
}

/**
 * 评估 of the version in force: restarts its 3 years and answers the findings recorded before it. Streams written
 * before evaluations were recorded simply have none.
 */
export interface PlanEvaluated {
  type: 'PlanEvaluated';
  data: { planId: string; version: number; evaluation: PlanEvaluation };
}

/**
 * The newest version is published: it is the version in force from now on (activations pin it). Only a reviewed
 * version is published since reviews are recorded; earlier streams publish without one and stay valid.
 */
export interface PlanPublished {
  type: 'PlanPublished';
  data: { planId: string; version: number; publishedBy: string; publishedAt: string };
}

/**
 * 备案: the version in force was filed with an authority on a date. Since the deadline is checked, `filing` also
 * carries `filedOn`, `deadline` and `late`; older events lack them and stay valid (read tolerantly, no upcaster).
 */
export interface PlanFiled {
  type: 'PlanFiled';
  data: { planId: string; version: number; filing: PlanFiling; recordedBy: string; recordedAt: string };
}

export interface PlanRetired {
  type: 'PlanRetired';
  data: { planId: string; reason: string | null; retiredBy: string; retiredAt: string };
}

export type PlanEvent =
  | PlanDrafted
  | PlanRevised
  | PlanReviewed
  | PlanPublished
  | PlanFiled
  | PlanEvaluated
  | PlanRetired
  | PlanFindingRecorded;

/**
 * Version 1 → 2 of a plan's content (docs/adr/0016-coal-and-non-coal-mines.md): a plan written for 矿山 (`mining`)
 * before coal and non-coal mines were told apart covered both, so it now lists both. Other categories stay as stored.
 */
export function splitMiningCategory<D extends { content: { categories: readonly string[] } }>(v1: D): D {
  if (!v1.content.categories.includes('mining')) return v1;
  const categories = [
    ...new Set(v1.content.categories.flatMap((c) => (c === 'mining' ? ['coal_mine', 'non_coal_mine'] : [c]))),
  ];
  return { ...v1, content: { ...v1.content, categories } };
}

/** Every PlanEvent type with its schema version (1 + its upcasters); readers go through `read`. */
export const planEvents = EventRegistry.of<PlanEvent>({
  PlanDrafted: { upcasters: [splitMiningCategory] },
  PlanRevised: { upcasters: [splitMiningCategory] },
  PlanReviewed: {},
  PlanPublished: {},
  PlanEvaluated: {},
  PlanFiled: {},
  PlanRetired: {},
  PlanFindingRecorded: {},
});
