/**
 * What the drills context shows the outside world (应急演练): the views its HTTP API returns and the `drill.changed`
 * / `drill.message` deltas carry. Pure types, shared with the console (`import type` from `@app/drills/contract`).
 */

/** 桌面演练, 实战演练. */
export type DrillForm = 'tabletop' | 'live';
/** 单项演练, 综合演练. */
export type DrillScope = 'single' | 'comprehensive';
export type DrillStatus = 'planned' | 'running' | 'ended';
/** 演练接报, 演练续报, 情况通报. */
export type InjectKind = 'report_incident' | 'update_situation' | 'message';

/** One scripted inject (情景注入): `atSecond` after the drill starts. */
export interface ScriptedInject {
  atSecond: number;
  kind: InjectKind;
  payload: Record<string, unknown>;
}

export interface Scenario {
  injects: ScriptedInject[];
}

/** An inject that ran: scripted (`index`) or sent by hand (`index` null). */
export interface ExecutedInjectView {
  index: number | null;
  kind: InjectKind;
  payload: Record<string, unknown>;
  executedAt: string;
  incidentId: string | null;
}

/**
 * A scripted inject that failed: how many attempts so far, the last reason, and whether it was given up (`skipped`)
 * after the last attempt so the rest of the script could go on.
 */
export interface FailedInjectView {
  index: number;
  attempts: number;
  reason: string;
  code: string | null;
  lastFailedAt: string;
  skipped: boolean;
}

/** A real team taken into a live drill: in it now (`in_drill`), recalled, or released when the drill ended. */
export interface DrillTeamView {
  teamId: string;
  name: string;
  since: string;
  status: 'in_drill' | 'recalled' | 'released';
  until: string | null;
}

/** GET /drills, GET /drills/{id} and the `drill.changed` delta. */
export interface DrillView {
  id: string;
  title: string;
  form: DrillForm;
  formLabel: string;
  scope: DrillScope;
  scopeLabel: string;
  jurisdiction: string;
  planId: string | null;
  planVersion: number | null;
  participants: string[];
  scenario: Scenario | null;
  status: DrillStatus;
  statusLabel: string;
  plannedBy: string;
  plannedAt: string;
  startedAt: string | null;
  startedBy: string | null;
  endedAt: string | null;
  endedBy: string | null;
  executed: number[];
  injects: ExecutedInjectView[];
  /** Scripted injects that failed (retried, then given up). */
  failedInjects: FailedInjectView[];
  /** Real teams taken into the drill (live drills), those recalled and released included. */
  teams: DrillTeamView[];
  nextDueAt: string | null;
  revision: number;
  position: string;
}

/** A saved scenario (演练脚本). */
export interface ScenarioView {
  id: string;
  name: string;
  description: string | null;
  jurisdiction: string;
  injects: ScriptedInject[];
  savedBy: string;
  savedAt: string;
}

/** The `drill.message` delta: a 情况通报 inject shown to the drill's participants. */
export interface DrillMessage {
  drillId: string;
  index: number | null;
  text: string;
  executedAt: string;
}
