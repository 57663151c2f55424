// Drills (演练): the only entry point other code imports. Stream `drill-<id>` is a public event contract.
export { DrillsModule, drillEntities, drillProjections } from './drills.module';
export { DrillRow, DrillScenarioRow } from './read-models/drill.entities';
export { DrillScheduler, DRILL_OPTIONS, type DrillOptions } from './application/drill.scheduler';
export * from './domain/drill.types';
export { drillEvents, scenarioEvents, type DrillEvent, type ScenarioEvent } from './domain/drill.events';
export type { DrillCommand } from './domain/drill.commands';
export { drillDecider, scenarioDecider } from './domain/drill.decider';
export type { DrillState } from './domain/drill.state';
export { DrillTeamsProcessManager } from './application/drill-teams.process-manager';
