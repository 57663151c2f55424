import type { DrillEvent, ScenarioEvent } from './drill.events';
import type { DrillStatus, Scenario, ScriptedInject } from './drill.types';

export type DrillState =
  | { status: 'none' }
  | {
      status: DrillStatus;
      drillId: string;
      jurisdiction: string;
      scenario: Scenario | null;
      startedAt: string | null;
      /** Indexes of the scripted injects that ran. */
      executed: readonly number[];
      /** Scripted inject index → the drill incident it reported (what `incidentRef` points at). */
      incidentOf: Readonly<Record<number, string>>;
    };

export const initialDrillState: DrillState = { status: 'none' };

export function evolveDrill(state: DrillState, event: DrillEvent): DrillState {
  switch (event.type) {
    case 'DrillPlanned':
      return { status: 'planned', drillId: event.data.drillId, jurisdiction: event.data.jurisdiction, scenario: event.data.scenario, startedAt: null, executed: [], incidentOf: {} };
    case 'DrillStarted':
      return state.status === 'none' ? state : { ...state, status: 'running', startedAt: event.data.startedAt };
    case 'InjectExecuted':
      if (state.status === 'none' || event.data.index === null) return state;
      return {
        ...state,
        executed: [...state.executed, event.data.index],
        incidentOf: event.data.incidentId ? { ...state.incidentOf, [event.data.index]: event.data.incidentId } : state.incidentOf,
      };
    case 'DrillEnded':
      return state.status === 'none' ? state : { ...state, status: 'ended' };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}

export type ScenarioState = { status: 'none' } | { status: 'saved'; scenarioId: string; jurisdiction: string; injects: ScriptedInject[] };

export const initialScenarioState: ScenarioState = { status: 'none' };

export function evolveScenario(_state: ScenarioState, event: ScenarioEvent): ScenarioState {
  return { status: 'saved', scenarioId: event.data.scenarioId, jurisdiction: event.data.jurisdiction, injects: event.data.injects };
}
