import { EventRegistry } from '@app/event-sourcing/events';
import type { AccidentGrade } from './accident-grade';
import type { ChecklistTask, PinnedPlan } from './checklist';
import type { NotificationParty, ReportLevel } from './reporting-deadlines';
import type {
  Casualties,
  IncidentCategory,
  IncidentLocation,
  Recipient,
  Reporter,
  ResponseLevel,
} from './incident.types';

/** 接报 / 初报: the first report, with everything Art. 12 asks for. */
export interface IncidentReported {
  type: 'IncidentReported';
  data: {
    incidentId: string;
    title: string;
    category: IncidentCategory;
    occurredAt: string;
    /** 接报时间: the server's time unless the duty officer back-dated it (never into the future). */
    receivedAt: string;
    /** Why the 接报时间 lies more than 10 minutes before the intake was logged. Added later: absent on older events. */
    receivedAtReason?: string | null;
    /** When the unit's head learned of the accident and when the unit reported (条例493 第九条). Added later. */
    unitLearnedAt?: string | null;
    unitReportedAt?: string | null;
    /** Measures already taken (条例493 第十二条第五项). Added later. */
    measures?: string | null;
    location: IncidentLocation;
    jurisdiction: string;
    enterprise: string | null;
    /** The registered enterprise (企业登记) the incident names, whose name `enterprise` then holds. Added later. */
    enterpriseId?: string | null;
    reporter: Reporter;
    /** Who took the report (Art. 12: 报告人和接报人). */
    takenBy: string;
    casualties: Casualties;
    directLossYuan: number | null;
    description: string;
    drillId: string | null;
    grade: AccidentGrade;
  };
}

/** 续报: a follow-up report; carries the full casualty figures after the update. */
export interface SituationUpdated {
  type: 'SituationUpdated';
  data: {
    incidentId: string;
    updatedAt: string;
    casualties: Casualties;
    directLossYuan: number | null;
    description: string | null;
    measures: string | null;
    /**
     * A change after the statistical window (条例493 第十三条: 30 days, 7 for road traffic and fire): recorded, but it
     * neither re-grades the accident nor owes a report. Added later: absent means inside the window.
     */
    outsideWindow?: true;
  };
}

/** The grade moved after a follow-up; a rise starts a new reporting obligation (docs/domain.md rule 2). */
export interface AccidentGradeChanged {
  type: 'AccidentGradeChanged';
  data: { incidentId: string; from: AccidentGrade; to: AccidentGrade; rose: boolean; changedAt: string };
}

/**
 * 响应终止 (the end of the response, with its summary as the 终报) — not 结案, which closes the investigation months
 * later. The type keeps its first name: stored events are never renamed.
 */
export interface IncidentClosed {
  type: 'IncidentClosed';
  data: { incidentId: string; summary: string; closedAt: string };
}

/** A rescue team was dispatched to this incident (recorded by the dispatch process manager from `TeamDispatched`). */
export interface TeamAssigned {
  type: 'TeamAssigned';
  /** `simulated`: a tabletop dispatch of a drill (演练调派), recorded on the drill incident only; the team is untouched. */
  data: {
    incidentId: string;
    teamId: string;
    teamName: string;
    task: string | null;
    dispatchedAt: string;
    simulated?: true;
  };
}

/** An assigned team reported a new status (en route, on scene, returning…): the incident keeps its times. */
export interface AssignedTeamStatusChanged {
  type: 'AssignedTeamStatusChanged';
  data: { incidentId: string; teamId: string; teamName: string; status: string; at: string };
}

/** A commander set (or changed) the response level, saying why (docs/domain.md rule 8). */
export interface ResponseLevelSet {
  type: 'ResponseLevelSet';
  data: {
    incidentId: string;
    from: ResponseLevel | null;
    level: ResponseLevel;
    reason: string;
    decidedBy: string;
    decidedAt: string;
  };
}

/**
 * 上报: the report passed up to a level of government, by whom, how and when (the real time of a phone call logged
 * later). `obligationId`, `recipient` and `text` were added later and are absent on older events.
 */
export interface ReportPassedUp {
  type: 'ReportPassedUp';
  data: {
    incidentId: string;
    toLevel: ReportLevel;
    channel: string;
    reportedBy: string;
    reportedAt: string;
    obligationId?: string | null;
    recipient?: Recipient | null;
    text?: string | null;
    /** When it was logged, if later than `reportedAt`. */
    recordedAt?: string;
  };
}

/** 通知 (条例493 第十条): a party told of the accident along with the report. */
export interface PartyNotified {
  type: 'PartyNotified';
  data: {
    incidentId: string;
    party: NotificationParty;
    channel: string;
    recipient: Recipient | null;
    notifiedBy: string;
    notifiedAt: string;
  };
}

/** 核销: a pending obligation no longer owed (e.g. the grade fell), with the reason and who decided. */
export interface ObligationWrittenOff {
  type: 'ObligationWrittenOff';
  data: { incidentId: string; obligationId: string; reason: string; writtenOffBy: string; writtenOffAt: string };
}

/** 启动预案: a commander applied a plan version to the incident at its response level (a pinned copy of the plan). */
export interface PlanActivated {
  type: 'PlanActivated';
  data: { incidentId: string; plan: PinnedPlan; level: ResponseLevel; activatedBy: string; activatedAt: string };
}

/** Tasks of an active plan put on the incident's checklist: at activation, and when the response level rises. */
export interface ChecklistTasksAdded {
  type: 'ChecklistTasksAdded';
  data: { incidentId: string; level: ResponseLevel; tasks: ChecklistTask[]; addedAt: string };
}

export interface ChecklistTaskCompleted {
  type: 'ChecklistTaskCompleted';
  data: {
    incidentId: string;
    taskId: string;
    title: string;
    note: string | null;
    completedBy: string;
    completedAt: string;
  };
}

/** 演练调拨: supplies allocated on paper to a drill incident; the warehouse's stock is untouched. */
export interface DrillAllocationRecorded {
  type: 'DrillAllocationRecorded';
  data: {
    incidentId: string;
    drillId: string;
    allocationId: string;
    warehouseId: string;
    items: { materialCode: string; quantity: number }[];
    allocatedAt: string;
  };
}

/**
 * 响应终止后到达的调派: a team's dispatch reached this incident after its close and was withdrawn by the dispatch process.
 * Kept on the incident's record (the team's own stream holds the withdrawal) so the log shows what was undone and why.
 */
export interface LateDispatchWithdrawn {
  type: 'LateDispatchWithdrawn';
  data: { incidentId: string; teamId: string; teamName: string; reason: string; withdrawnAt: string };
}

/** 响应终止后到达的调拨: an allocation stored after the close, whose reservation the dispatch process cancelled. */
export interface LateAllocationCancelled {
  type: 'LateAllocationCancelled';
  data: {
    incidentId: string;
    allocationId: string;
    warehouseId: string;
    items: { materialCode: string; quantity: number }[];
    reason: string;
    cancelledAt: string;
  };
}

export type IncidentEvent =
  | IncidentReported
  | SituationUpdated
  | AccidentGradeChanged
  | IncidentClosed
  | TeamAssigned
  | AssignedTeamStatusChanged
  | ResponseLevelSet
  | ReportPassedUp
  | PartyNotified
  | ObligationWrittenOff
  | PlanActivated
  | ChecklistTasksAdded
  | ChecklistTaskCompleted
  | DrillAllocationRecorded
  | LateDispatchWithdrawn
  | LateAllocationCancelled;

/** Every IncidentEvent type with its schema version (1 + its upcasters: none so far); readers go through `read`. */
export const incidentEvents = EventRegistry.of<IncidentEvent>({
  IncidentReported: {},
  SituationUpdated: {},
  AccidentGradeChanged: {},
  IncidentClosed: {},
  TeamAssigned: {},
  AssignedTeamStatusChanged: {},
  ResponseLevelSet: {},
  ReportPassedUp: {},
  PartyNotified: {},
  ObligationWrittenOff: {},
  PlanActivated: {},
  ChecklistTasksAdded: {},
  ChecklistTaskCompleted: {},
  DrillAllocationRecorded: {},
  LateDispatchWithdrawn: {},
  LateAllocationCancelled: {},
});
