/**
 * What the plans context shows the outside world (应急预案): the views its HTTP API returns and `plan.suggested`
 * carries. Pure types, shared with the console (`import type` from `@app/plans/contract`).
 */
import type { AccidentGrade, IncidentCategory, ResponseLevel } from '@app/incidents/contract';

/** 综合应急预案, 专项应急预案, 现场处置方案. */
export type PlanKind = 'comprehensive' | 'special' | 'onsite';
/** The newest version's status: draft → reviewed (评审/论证) → published → filed (备案) → retired. */
export type PlanStatus = 'draft' | 'reviewed' | 'published' | 'filed' | 'retired';
export type PlanVersionStatus = 'draft' | 'reviewed' | 'published' | 'filed' | 'superseded';
/** Whose plan it is: decides how often it is drilled (docs/domain.md rule 11a). */
export type PlanOwnerKind = 'government' | 'high_risk_unit' | 'unit';
/** 评审 (expert review, required of governments' and high-risk units' plans) or 论证 (a lighter check). */
export type PlanReviewKind = 'review' | 'demonstration';
export type PlanReviewConclusion = 'passed' | 'passed_with_changes' | 'failed';
export type PlanEvaluationConclusion = 'no_revision' | 'revision_needed';
/** 待备案 / 逾期未备案 / 已备案 / 逾期备案. */
export type FilingState = 'due' | 'overdue' | 'filed' | 'filed_late';
/** 未到期 / 应评估（演练或事故发现问题）/ 逾期未评估. */
export type EvaluationDueState = 'not_due' | 'due_after_finding' | 'overdue';
/** 未到期 / 逾期未演练. */
export type DrillDueState = 'not_due' | 'overdue';
/** What a suggestion asks the commander to do: activate the plan, or raise the level it is active at. */
export type SuggestionAction = 'activate' | 'raise_level';

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

/** A drill evaluation's finding (评估发现的问题) recorded against the plan, to be addressed by its next version. */
export interface PlanFinding {
  findingId: string;
  drillId: string | null;
  text: string;
  recordedBy: string;
  recordedAt: string;
}

export interface PlanFiling {
  authority: string;
  filedAt: string;
  /** The filing date in the jurisdiction's calendar, its deadline (20 working days after publication) and whether
   * it came after it; filings recorded before these were kept carry none of the three. */
  filedOn?: string;
  deadline?: string;
  late?: boolean;
}

/** The record of a version's 评审 or 论证: when, by whom, what was concluded, and the minutes (纪要) it is in. */
export interface PlanReview {
  kind: PlanReviewKind;
  reviewedOn: string;
  experts: string[];
  organisation: string | null;
  conclusion: PlanReviewConclusion;
  document: string;
  recordedBy: string;
  recordedAt: string;
}

/** 评估 of the version in force. */
export interface PlanEvaluation {
  evaluatedOn: string;
  conclusion: PlanEvaluationConclusion;
  summary: string;
  evaluators: string[];
  document: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** One version's content, as `POST /plans` and `PUT /plans/{id}` carry it. */
export interface PlanContent {
  title: string;
  kind: PlanKind;
  jurisdiction: string;
  categories: IncidentCategory[];
  activation: { description: string; levels: ActivationCriterion[] };
  groups: WorkingGroup[];
  requirements: PlanRequirements;
  /** Absent on plans written before owners were recorded: a government's plan. */
  ownerKind?: PlanOwnerKind;
}

/** GET /plans and GET /plans/{id}: the newest version's content, the version in force. */
export interface PlanView extends Omit<PlanContent, 'categories'> {
  id: string;
  kindLabel: string;
  jurisdictionName: string;
  categories: string[];
  status: PlanStatus;
  statusLabel: string;
  /** The newest version. */
  version: number;
  inForceVersion: number | null;
  openFindings: PlanFinding[];
  ownerKind: PlanOwnerKind;
  ownerKindLabel: string;
  /** The newest version's 评审/论证 record (null: not reviewed yet). */
  review: PlanReview | null;
  updatedAt: string;
  revision: number;
  position: string;
}

/** GET /plans/{id}/versions/{version}. */
export interface PlanVersionView extends PlanContent {
  planId: string;
  version: number;
  status: PlanVersionStatus;
  statusLabel: string;
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
  filing: PlanFiling | null;
  review: PlanReview | null;
  addressedFindings: PlanFinding[];
}

export interface PlanSuggestion {
  planId: string;
  version: number;
  title: string;
  level: string;
  reasons: string[];
  action: SuggestionAction;
}

/** GET /incidents/{id}/plan-suggestions and the `plan.suggested` delta. */
export interface PlanSuggestionsView {
  incidentId: string;
  /** The incident's title; empty when nothing is known of it yet. */
  title: string;
  responseLevel: string | null;
  drillId: string | null;
  suggestions: PlanSuggestion[];
}

/** One plan on `GET /plans/governance`: where it stands and what is due (dates are local calendar dates). */
export interface PlanGovernanceView {
  planId: string;
  title: string;
  kind: PlanKind;
  kindLabel: string;
  jurisdiction: string;
  jurisdictionName: string;
  ownerKind: PlanOwnerKind;
  ownerKindLabel: string;
  status: PlanStatus;
  statusLabel: string;
  version: number;
  inForceVersion: number | null;
  review: (PlanReview & { kindLabel: string; conclusionLabel: string }) | null;
  publishedOn: string | null;
  filing: {
    deadline: string;
    provisional: boolean;
    state: FilingState;
    stateLabel: string;
    filedOn: string | null;
    authority: string | null;
    daysLeft: number | null;
    basis: string;
  } | null;
  evaluation: {
    lastEvaluatedOn: string | null;
    dueOn: string;
    state: EvaluationDueState;
    stateLabel: string;
    findings: number;
    basis: string;
  } | null;
  drill: {
    lastDrillOn: string | null;
    lastDrillId: string | null;
    intervalMonths: number;
    nextDueOn: string;
    state: DrillDueState;
    stateLabel: string;
    daysLeft: number;
    basis: string;
  } | null;
}

/** Per jurisdiction on `GET /plans/governance`: its plans' last drill and how many are overdue. */
export interface JurisdictionGovernanceView {
  jurisdiction: string;
  jurisdictionName: string;
  plans: number;
  lastDrillOn: string | null;
  drillsOverdue: number;
  filingsDue: number;
  filingsOverdue: number;
  filingsLate: number;
  evaluationsDue: number;
  evaluationsOverdue: number;
  unreviewedDrafts: number;
}

export interface PlanGovernanceListView {
  /** Today in the caller's zone: what "due" and "overdue" are measured against. */
  asOf: string;
  plans: PlanGovernanceView[];
  jurisdictions: JurisdictionGovernanceView[];
}
