import { EventRegistry } from '@app/event-sourcing/events';
import type { ScriptedInject } from '../drill/drill.types';

/** 情景库: a named, reusable inject script (stream `scenario-<id>`). */
export interface ScenarioSaved {
  type: 'ScenarioSaved';
  data: {
    scenarioId: string;
    name: string;
    description: string | null;
    jurisdiction: string;
    injects: ScriptedInject[];
    savedBy: string;
    savedAt: string;
  };
}

export type ScenarioEvent = ScenarioSaved;

/** Every ScenarioEvent type with its schema version (1 + its upcasters: none so far); readers go through `read`. */
export const scenarioEvents = EventRegistry.of<ScenarioEvent>({
  ScenarioSaved: {},
});

export const scenarioStream = (scenarioId: string): string => `scenario-${scenarioId}`;
