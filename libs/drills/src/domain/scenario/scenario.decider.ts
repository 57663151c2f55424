import { defineDecider } from '@app/event-sourcing/events';
import type { ScenarioCommand } from './scenario.commands';
import { ScenarioAlreadySavedError, ScenarioNotFoundError } from './scenario.errors';
import { scenarioEvents, type ScenarioEvent } from './scenario.events';
import { evolveScenario, initialScenarioState, type ScenarioState } from './scenario.state';

/** A scenario is saved once and never changed: a drill copies its script when it is planned. */
export function decideScenario(command: ScenarioCommand, state: ScenarioState): ScenarioEvent[] {
  if (state.status !== 'none') throw new ScenarioAlreadySavedError();
  const { type: _t, now, ...scenario } = command;
  return [
    {
      type: 'ScenarioSaved',
      data: { ...scenario, injects: scenario.injects.map((i) => ({ ...i })), savedAt: now.toISOString() },
    },
  ];
}

export const scenarioDecider = defineDecider<ScenarioCommand, ScenarioEvent, ScenarioState>({
  events: scenarioEvents,
  initialState: initialScenarioState,
  evolve: evolveScenario,
  decide: decideScenario,
  notFound: () => new ScenarioNotFoundError(),
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
});
