// The drills context's pure domain: what other contexts' domain code may import (`@app/drills/domain`).
export * from './drill/drill.types';
export * from './drill/drill.errors';
export { drillEvents, type DrillEvent } from './drill/drill.events';
export type { DrillCommand } from './drill/drill.commands';
export { drillDecider } from './drill/drill.decider';
export type { DrillState } from './drill/drill.state';
export * from './scenario/scenario.errors';
export { scenarioEvents, scenarioStream, type ScenarioEvent } from './scenario/scenario.events';
export type { ScenarioCommand } from './scenario/scenario.commands';
export { scenarioDecider } from './scenario/scenario.decider';
export type { ScenarioState } from './scenario/scenario.state';
