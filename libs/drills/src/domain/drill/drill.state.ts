import type { DrillEvent } from './drill.events';
import { unknownCase } from '@app/event-sourcing/events';
import type { DrillForm, DrillStatus, Scenario } from './drill.types';

export type DrillState =
  | { status: 'none' }
  | {
      status: DrillStatus;
      drillId: string;
      jurisdiction: string;
      form: DrillForm;
      scenario: Scenario | null;
      startedAt: string | null;
      /** Indexes of the scripted injects that ran. */
      executed: readonly number[];
      /** Scripted inject index → how many times it failed so far. */
      failures: Readonly<Record<number, number>>;
      /** Scripted injects given up after their last failed attempt: they are not due any more. */
      skipped: readonly number[];
      /** Scripted inject index → the drill incident it reported (what `incidentRef` points at). */
      incidentOf: Readonly<Record<number, string>>;
      /** Real teams taken into this live drill and not recalled (still listed after the end: those the end releases). */
      teams: readonly string[];
    };

export const initialDrillState: DrillState = { status: 'none' };

export function evolveDrill(state: DrillState, event: DrillEvent): DrillState {
  switch (event.type) {
    case 'DrillPlanned':
      return {
        status: 'planned',
        drillId: event.data.drillId,
        jurisdiction: event.data.jurisdiction,
        form: event.data.form,
        scenario: event.data.scenario,
        startedAt: null,
        executed: [],
        failures: {},
        skipped: [],
        incidentOf: {},
        teams: [],
      };
    case 'DrillStarted':
      return state.status === 'none' ? state : { ...state, status: 'running', startedAt: event.data.startedAt };
    case 'InjectExecuted':
      if (state.status === 'none' || event.data.index === null) return state;
      return {
        ...state,
        executed: [...state.executed, event.data.index],
        incidentOf: event.data.incidentId
          ? { ...state.incidentOf, [event.data.index]: event.data.incidentId }
          : state.incidentOf,
      };
    case 'InjectFailed':
      if (state.status === 'none') return state;
      return {
        ...state,
        failures: { ...state.failures, [event.data.index]: event.data.attempt },
        skipped: event.data.skipped ? [...state.skipped, event.data.index] : state.skipped,
      };
    case 'DrillEnded':
      return state.status === 'none' ? state : { ...state, status: 'ended' };
    case 'TeamJoinedDrill':
      return state.status === 'none' || state.teams.includes(event.data.teamId)
        ? state
        : { ...state, teams: [...state.teams, event.data.teamId] };
    case 'TeamRecalledFromDrill':
      return state.status === 'none'
        ? state
        : { ...state, teams: state.teams.filter((id) => id !== event.data.teamId) };
    default:
      return unknownCase(event);
  }
}
