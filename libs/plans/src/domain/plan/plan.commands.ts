import type { PlanContent, PlanFiling, PlanFinding } from './plan.types';

interface Acting {
  by: string;
  now: Date;
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

export interface PublishPlan extends Acting {
  type: 'PublishPlan';
}

export interface FilePlan extends Acting {
  type: 'FilePlan';
  filing: PlanFiling;
}

export interface RetirePlan extends Acting {
  type: 'RetirePlan';
  reason?: string;
}

export interface RecordPlanFinding extends Acting {
  type: 'RecordPlanFinding';
  finding: Omit<PlanFinding, 'recordedBy' | 'recordedAt'>;
}

export type PlanCommand = DraftPlan | RevisePlan | PublishPlan | FilePlan | RetirePlan | RecordPlanFinding;
