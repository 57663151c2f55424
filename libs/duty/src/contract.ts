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
    level: string;
    dueAt: string;
    overdue: boolean;
  }[];
}

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

/** The `duty.changed` delta: a shift scheduled or a handover made. */
export type DutyChange = { kind: 'shift'; shift: ShiftView } | { kind: 'handover'; handover: HandoverView };

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
