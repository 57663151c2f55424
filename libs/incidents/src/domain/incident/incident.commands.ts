import type { GradingPolicy } from './accident-grade';
import type { PinnedPlan } from './checklist';
import type { NotificationParty, ReportLevel } from './reporting-deadlines';
import type {
  Casualties,
  IncidentCategory,
  IncidentLocation,
  Recipient,
  Reporter,
  ResponseLevel,
} from './incident.types';

/** Commands carry the time and jurisdiction settings they need, so `decide` stays pure. */
export interface ReportIncident {
  type: 'ReportIncident';
  incidentId: string;
  title: string;
  category: IncidentCategory;
  occurredAt: Date;
  location: IncidentLocation;
  jurisdiction: string;
  enterprise?: string;
  /** A registered enterprise, checked by the application layer; `enterprise` then carries its registered name. */
  enterpriseId?: string;
  reporter: Reporter;
  casualties: Casualties;
  directLossYuan?: number;
  description: string;
  drillId?: string;
  takenBy: string;
  /** 接报时间 when the duty officer back-dates it to the call; default `now`. */
  receivedAt?: Date;
  receivedAtReason?: string;
  unitLearnedAt?: Date;
  unitReportedAt?: Date;
  measures?: string;
  now: Date;
  policy: GradingPolicy;
}

export interface UpdateSituation {
  type: 'UpdateSituation';
  casualties?: Partial<Casualties>;
  directLossYuan?: number;
  description?: string;
  measures?: string;
  now: Date;
  /** The grading rules of the incident's jurisdiction (a pure look-up: the jurisdiction is in the state). */
  policyFor: (jurisdiction: string) => GradingPolicy;
}

export interface CloseIncident {
  type: 'CloseIncident';
  summary: string;
  now: Date;
}

/** From the dispatch process manager: facts about teams, recorded whatever the incident's status. */
export interface AssignTeam {
  type: 'AssignTeam';
  teamId: string;
  teamName: string;
  task: string | null;
  dispatchedAt: Date;
  /** A drill's tabletop dispatch: only drill incidents accept it. */
  simulated?: boolean;
}

export interface RecordAssignedTeamStatus {
  type: 'RecordAssignedTeamStatus';
  teamId: string;
  teamName: string;
  status: string;
  at: Date;
}

export interface SetResponseLevel {
  type: 'SetResponseLevel';
  level: ResponseLevel;
  reason: string;
  decidedBy: string;
  now: Date;
}

export interface PassReportUp {
  type: 'PassReportUp';
  toLevel: ReportLevel;
  channel: string;
  reportedBy: string;
  /** The real time of the report (a phone call logged later); default `now`. */
  reportedAt?: Date;
  obligationId?: string;
  recipient?: Recipient;
  text?: string;
  now: Date;
}

/** 通知 one of the parties of 条例493 第十条. */
export interface NotifyParty {
  type: 'NotifyParty';
  party: NotificationParty;
  channel: string;
  recipient?: Recipient;
  notifiedAt?: Date;
  notifiedBy: string;
  now: Date;
}

/** 核销: the application has checked that the obligation exists and is still pending on the board. */
export interface WriteOffObligation {
  type: 'WriteOffObligation';
  obligationId: string;
  reason: string;
  writtenOffBy: string;
  now: Date;
}

/** The plans context loads and checks the plan; the incident pins what it was given. */
export interface ActivatePlan {
  type: 'ActivatePlan';
  plan: PinnedPlan;
  /** Sets the response level in the same step when given (the commander decides it with the activation). */
  level?: ResponseLevel;
  reason?: string;
  activatedBy: string;
  now: Date;
}

export interface CompleteChecklistTask {
  type: 'CompleteChecklistTask';
  taskId: string;
  note?: string;
  completedBy: string;
  now: Date;
}

/** A drill's simulated allocation (no warehouse is involved); only drill incidents accept it. */
export interface RecordDrillAllocation {
  type: 'RecordDrillAllocation';
  allocationId: string;
  warehouseId: string;
  items: { materialCode: string; quantity: number }[];
  now: Date;
}

/**
 * From the dispatch process, after it undid what reached the closed incident late: the record of it. Accepted only
 * once the incident is closed (as reports are: facts of the duty log).
 */
export interface RecordLateDispatchWithdrawn {
  type: 'RecordLateDispatchWithdrawn';
  teamId: string;
  teamName: string;
  reason: string;
  now: Date;
}

export interface RecordLateAllocationCancelled {
  type: 'RecordLateAllocationCancelled';
  allocationId: string;
  warehouseId: string;
  items: { materialCode: string; quantity: number }[];
  reason: string;
  now: Date;
}

export type IncidentCommand =
  | ReportIncident
  | UpdateSituation
  | CloseIncident
  | AssignTeam
  | RecordAssignedTeamStatus
  | SetResponseLevel
  | PassReportUp
  | NotifyParty
  | WriteOffObligation
  | ActivatePlan
  | CompleteChecklistTask
  | RecordDrillAllocation
  | RecordLateDispatchWithdrawn
  | RecordLateAllocationCancelled;
