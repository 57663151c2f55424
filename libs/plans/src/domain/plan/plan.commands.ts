import type { WorkingDayCalendar } from '../governance/working-days';
import type { PlanContent, PlanEvaluation, PlanFinding, PlanReview } from './plan.types';

interface Acting {
  by: string;
  now: Date;
}

/** Commands that take a calendar date: "today" and the dates given are read in the plan's jurisdiction's zone. */
interface Dated {
  timeZone: string;
}

export interface DraftPlan extends Acting {
  type: 'DraftPlan';
  planId: string;
  content: PlanContent;
}

export interface RevisePlan extends Acting {
  type: 'RevisePlan';
  content: PlanContent;
}

/** 评审/论证 of the newest version, recorded before it may be published. */
export interface RecordPlanReview extends Acting, Dated {
  type: 'RecordPlanReview';
  review: Omit<PlanReview, 'recordedBy' | 'recordedAt'>;
}

export interface PublishPlan extends Acting {
  type: 'PublishPlan';
}

export interface FilePlan extends Acting, Dated {
  type: 'FilePlan';
  filing: { authority: string; filedAt: string };
  /** The holiday calendar the 20-working-day deadline is counted with. */
  calendar: WorkingDayCalendar;
}

export interface RecordPlanEvaluation extends Acting, Dated {
  type: 'RecordPlanEvaluation';
  evaluation: Omit<PlanEvaluation, 'recordedBy' | 'recordedAt'>;
}

export interface RetirePlan extends Acting {
  type: 'RetirePlan';
  reason?: string;
}

export interface RecordPlanFinding extends Acting {
  type: 'RecordPlanFinding';
  finding: Omit<PlanFinding, 'recordedBy' | 'recordedAt'>;
}

export type PlanCommand =
  | DraftPlan
  | RevisePlan
  | RecordPlanReview
  | PublishPlan
  | FilePlan
  | RecordPlanEvaluation
  | RetirePlan
  | RecordPlanFinding;
