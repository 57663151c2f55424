import { EventRegistry } from '@app/event-sourcing/events';
import type { DrillForm, DrillScope, InjectKind, Scenario } from './drill.types';

/** The public event contract of stream `drill-<drillId>` (the evaluation reads it): do not rename. */
export interface DrillPlanned {
  type: 'DrillPlanned';
  data: {
    drillId: string;
    title: string;
    form: DrillForm;
    scope: DrillScope;
    jurisdiction: string;
    /** The plan under test and the version in force when the drill was planned. */
    planId: string | null;
    planVersion: number | null;
    participants: string[];
    scenario: Scenario | null;
    plannedBy: string;
    plannedAt: string;
  };
}

export interface DrillStarted {
  type: 'DrillStarted';
  data: { drillId: string; startedAt: string; startedBy: string };
}

/** An inject ran: `index` of the scripted inject, or null for a coordinator's scriptless (无脚本) inject. */
export interface InjectExecuted {
  type: 'InjectExecuted';
  data: {
    drillId: string;
    index: number | null;
    kind: InjectKind;
    payload: Record<string, unknown>;
    executedAt: string;
    incidentId: string | null;
  };
}

/**
 * A scripted inject failed (`attempt` of `MAX_INJECT_ATTEMPTS`); `skipped`: it was the last attempt, the inject is
 * given up and reported, and the script goes on without it.
 */
export interface InjectFailed {
  type: 'InjectFailed';
  data: {
    drillId: string;
    index: number;
    attempt: number;
    reason: string;
    code: string | null;
    failedAt: string;
    skipped: boolean;
  };
}

export interface DrillEnded {
  type: 'DrillEnded';
  data: { drillId: string; endedAt: string; endedBy: string };
}

/** A real team taken out of service into a live drill (docs/domain.md rule 21); it is released when recalled or when the drill ends. */
export interface TeamJoinedDrill {
  type: 'TeamJoinedDrill';
  data: { drillId: string; teamId: string; at: string; teamName?: string };
}

/** A real team recalled from a running live drill (back to available). */
export interface TeamRecalledFromDrill {
  type: 'TeamRecalledFromDrill';
  data: { drillId: string; teamId: string; at: string; recalledBy: string };
}

export type DrillEvent =
  DrillPlanned | DrillStarted | InjectExecuted | InjectFailed | DrillEnded | TeamJoinedDrill | TeamRecalledFromDrill;

/** Every DrillEvent type with its schema version (1 + its upcasters: none so far); readers go through `read`. */
export const drillEvents = EventRegistry.of<DrillEvent>({
  DrillPlanned: {},
  DrillStarted: {},
  InjectExecuted: {},
  InjectFailed: {},
  DrillEnded: {},
  TeamJoinedDrill: {},
  TeamRecalledFromDrill: {},
});
