import type { DrillForm, DrillScope, InjectKind, Scenario, ScriptedInject } from './drill.types';

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

export interface EndDrill {
  type: 'EndDrill';
  endedBy: string;
  now: Date;
}

export type DrillCommand = PlanDrill | StartDrill | RecordInjectExecuted | EndDrill;

export interface SaveScenario {
  type: 'SaveScenario';
  scenarioId: string;
  name: string;
  description: string | null;
  jurisdiction: string;
  injects: ScriptedInject[];
  savedBy: string;
  now: Date;
}

export type ScenarioCommand = SaveScenario;
