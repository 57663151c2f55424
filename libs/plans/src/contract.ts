/**
 * What the plans context shows the outside world (应急预案): the views its HTTP API returns and `plan.suggested`
 * carries. Pure types, shared with the console (`import type` from `@app/plans/contract`).
 */
import type { AccidentGrade, IncidentCategory, ResponseLevel } from '@app/incidents/contract';

/** 综合应急预案, 专项应急预案, 现场处置方案. */
export type PlanKind = 'comprehensive' | 'special' | 'onsite';
/** The newest version's status: draft → published → filed (备案) → retired. */
export type PlanStatus = 'draft' | 'published' | 'filed' | 'retired';
export type PlanVersionStatus = 'draft' | 'published' | 'filed' | 'superseded';
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
