import type { DrillForm, DrillScope, InjectKind, Scenario } from './drill.types';

export interface PlanDrill {
  type: 'PlanDrill';
  drillId: string;
  title: string;
  form: DrillForm;
  scope: DrillScope;
  jurisdiction: string;
  planId: string | null;
  planVersion: number | null;
  participants: string[];
  scenario: Scenario | null;
  plannedBy: string;
  now: Date;
}

export interface StartDrill {
  type: 'StartDrill';
  startedBy: string;
  now: Date;
}

/** Records an inject that was carried out (the side effects run first, idempotently; see DrillScheduler). */
export interface RecordInjectExecuted {
  type: 'RecordInjectExecuted';
  index: number | null;
  kind: InjectKind;
  payload: Record<string, unknown>;
  incidentId: string | null;
  now: Date;
}

/**
 * A scripted inject's side effects failed (the scheduler says why). After `MAX_INJECT_ATTEMPTS` failures the inject is
 * skipped, so the script goes on without it.
 */
export interface RecordInjectFailed {
  type: 'RecordInjectFailed';
  index: number;
  /** What went wrong, in words the coordinator reads (the error's Chinese detail). */
  reason: string;
  /** The error code when the failure was a refusal (null: an unexpected fault). */
  code: string | null;
  now: Date;
}

export interface EndDrill {
  type: 'EndDrill';
  endedBy: string;
  now: Date;
}

/** A live drill (实战演练) records a real team it took out of service (the team stream records `TeamTakenIntoDrill`). */
export interface JoinTeamToDrill {
  type: 'JoinTeamToDrill';
  teamId: string;
  /** The team's name when it was taken, so drill views list it by name. */
  teamName?: string;
  now: Date;
}

/** A team recalled from a running live drill (a real emergency, or the coordinator's call). */
export interface RecallTeamFromDrill {
  type: 'RecallTeamFromDrill';
  teamId: string;
  recalledBy: string;
  now: Date;
}

export type DrillCommand =
  PlanDrill | StartDrill | RecordInjectExecuted | RecordInjectFailed | EndDrill | JoinTeamToDrill | RecallTeamFromDrill;
