import type { ScriptedInject } from '../drill/drill.types';
import type { ScenarioEvent } from './scenario.events';

export type ScenarioState =
  { status: 'none' } | { status: 'saved'; scenarioId: string; jurisdiction: string; injects: ScriptedInject[] };

export const initialScenarioState: ScenarioState = { status: 'none' };

export function evolveScenario(_state: ScenarioState, event: ScenarioEvent): ScenarioState {
  return {
    status: 'saved',
    scenarioId: event.data.scenarioId,
    jurisdiction: event.data.jurisdiction,
    injects: event.data.injects,
  };
}
