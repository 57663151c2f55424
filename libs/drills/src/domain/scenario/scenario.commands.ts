import type { ScriptedInject } from '../drill/drill.types';

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
