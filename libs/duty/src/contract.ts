/**
 * What the duty context shows the outside world (值班值守: shifts, 交接班, 点名): the views its HTTP API returns and
 * the `duty.changed` and `rollcall.*` deltas carry. Pure types, shared with the console
 * (`import type` from `@app/duty/contract`).
 */

export type ShiftStatus = 'upcoming' | 'on_duty' | 'ended';
export type RollCallTargetStatus = 'pending' | 'answered' | 'missed';

export interface DutyPerson {
  name: string;
  phone: string | null;
  /**
   * The person's account, when the schedule names one: only a named account accepts a handover for its shift, and a
   * named leader on duty may schedule the next shifts (docs/domain.md, 值班).
   */
  userId?: string | null;
}

/** Who did it, as the audit trail and the console show it. */
export interface DutyActor {
  userId: string;
  name: string;
}

export interface ShiftView {
  id: string;
  jurisdiction: string;
  jurisdictionName: string;
  leader: DutyPerson;
  leaderLabel: string;
  officers: DutyPerson[];
  officersLabel: string;
  startsAt: string;
  endsAt: string;
  status: ShiftStatus;
  statusLabel: string;
  handedOver: boolean;
  handoverId: string | null;
  scheduledBy: DutyActor;
  scheduledAt: string;
}

/** The open business handed to the next shift, as it stood at the handover. */
export interface HandoverSummaryView {
  computedAt: string;
  openIncidents: {
    id: string;
    title: string;
    jurisdiction: string;
    grade: string;
    responseLevel: string | null;
    drillId: string | null;
  }[];
  pendingDeadlines: {
    incidentId: string;
    title: string;
    jurisdiction: string;
    obligationId: string;
    /** The level reported to, or the party notified. */
    level: string;
    /**
     * What is owed (the incidents' ObligationKind) and its Chinese names, so that six rows of one incident can be told
     * apart; absent in handovers recorded before they were stored.
     */
    kind?: string;
    kindLabel?: string;
    levelLabel?: string;
    dueAt: string;
    overdue: boolean;
  }[];
  /** Open roll calls (to answer or awaiting answers); absent in handovers recorded before they were summarised. */
  openRollCalls?: HandoverRollCall[];
  /** Warnings in force; absent in handovers recorded before they were summarised. */
  warningsInForce?: HandoverWarning[];
}

/** A roll call still open for the watch when it changed hands (to answer, or issued and awaiting answers). */
export interface HandoverRollCall {
  id: string;
  message: string;
  jurisdiction: string;
  dueAt: string;
  /** The called watches that have not answered yet. */
  pendingTargets: string[];
}

/** A warning (预警) in force when the watch changed hands. */
export interface HandoverWarning {
  id: string;
  hazard: string;
  level: string;
  levelLabel: string;
  jurisdiction: string;
  expires: string;
}

export type HandoverStatus = 'pending' | 'accepted';

export interface HandoverView {
  id: string;
  label: string;
  jurisdiction: string;
  jurisdictionName: string;
  fromShiftId: string;
  toShiftId: string;
  note: string;
  handedOverBy: DutyActor;
  handedOverAt: string;
  /**
   * Until the incoming officer accepts (接班确认) the outgoing shift stays responsible: `pending`, then `accepted`.
   */
  status: HandoverStatus;
  statusLabel: string;
  /** The accounts the taking-over shift names: only they may accept (empty: any officer of that watch but the outgoing one). */
  incoming: DutyActor[];
  acceptedBy: DutyActor | null;
  acceptedAt: string | null;
  summary: HandoverSummaryView;
}

export interface RollCallTargetView {
  jurisdiction: string;
  jurisdictionName: string;
  status: RollCallTargetStatus;
  statusLabel: string;
  by: DutyActor | null;
  at: string | null;
  secondsTaken: number | null;
}

/** GET /duty/roll-calls and GET /duty/roll-calls/{id}: only the targets the reader may see. */
export interface RollCallView {
  id: string;
  label: string;
  jurisdiction: string;
  jurisdictionName: string;
  message: string;
  ackWithinMinutes: number;
  issuedBy: DutyActor;
  issuedAt: string;
  dueAt: string;
  open: boolean;
  targets: RollCallTargetView[];
}

/** The `duty.changed` delta: a shift scheduled, a handover made or accepted. */
export type DutyChange =
  | { kind: 'shift'; shift: ShiftView }
  | { kind: 'handover'; handover: HandoverView }
  | { kind: 'handover_accepted'; handover: HandoverView };

/** The `rollcall.issued` / `rollcall.answered` / `rollcall.missed` deltas: one called watch's state, with its message. */
export interface RollCallMessage {
  rollCallId: string;
  /** The calling jurisdiction. */
  jurisdiction: string;
  jurisdictionName: string;
  /** The called jurisdiction. */
  target: string;
  targetName: string;
  status: RollCallTargetStatus;
  by: DutyActor | null;
  at: string | null;
  secondsTaken: number | null;
  dueAt: string;
  /** The sentence the console shows (Chinese). */
  message: string;
}

/** One reporting obligation the bureau owes (not the enterprise's own hour), as the duty desk queues it; real incidents only. */
export interface DeskObligation {
  incidentId: string;
  title: string;
  jurisdiction: string;
  jurisdictionName: string;
  obligationId: string;
  /** The level reported to, or the party notified. */
  level: string;
  /** initial, express, escalation, follow_up, final, supplementary or notification (the incidents' ObligationKind). */
  kind: string;
  kindLabel: string;
  levelLabel: string;
  /** The rule and its legal source. */
  basis: string;
  dueAt: string;
  overdue: boolean;
}

/** A warning (预警) in force, as the duty desk lists it. */
export type DeskWarning = HandoverWarning & { jurisdictionName: string };

/**
 * GET /duty/desk: everything one watch owes now, bounded and limited to the actor's scope. `shift` is the shift on
 * duty by the clock; `responsibleShift` the one answerable for the watch (the outgoing shift while its handover waits
 * for acceptance).
 */
export interface DutyDeskView {
  jurisdiction: string;
  jurisdictionName: string;
  timeZone: string;
  now: string;
  /** The watch stream's revision, for `If-Match` on a handover or an acceptance. */
  revision: number;
  shift: ShiftView | null;
  responsibleShift: ShiftView | null;
  nextShift: ShiftView | null;
  /** The newest handover of this watch still waiting for acceptance. */
  pendingHandover: HandoverView | null;
  /** What the reader may do here. */
  mayAccept: boolean;
  maySchedule: boolean;
  mayIssueRollCall: boolean;
  mayHandOver: boolean;
  /** Pending and overdue obligations of the jurisdiction and below, earliest due first. */
  obligations: DeskObligation[];
  /** How many there are in all (the list stops at its bound). */
  obligationsTotal: number;
  /** Open roll calls calling this watch that it has not answered. */
  rollCallsToAnswer: RollCallView[];
  /** Roll calls this watch issued (newest first, open ones and the last day's), with their answers. */
  rollCallsIssued: RollCallView[];
  warningsInForce: DeskWarning[];
  /** The watches directly below this one, which a roll call may call (empty unless the reader may issue one). */
  rollCallTargets: { code: string; name: string }[];
}
