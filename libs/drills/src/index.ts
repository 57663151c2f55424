// Drills (演练): the only entry point other code imports (domain code of other contexts: './domain').
// Streams `drill-<id>` and `scenario-<id>` are public event contracts.
export * from './domain';
export { drillAggregate } from './application/drill.aggregate';
export { scenarioAggregate } from './application/scenario.aggregate';
export { DrillsModule, drillEntities, drillProjections } from './drills.module';
export { DrillScheduler, DRILL_OPTIONS, type DrillOptions } from './application/run-scripted-injects/drill.scheduler';
export { DrillRegisterQueries, type DrillFilter } from './read-models/drill-register/drill-register.queries';
export type { DrillView, ScenarioView } from './read-models/drill-register/drill.views';
export { DrillTeamsProcessManager } from './process-managers/drill-teams/drill-teams.process-manager';
export { DrillParticipationService } from './application/drill-participation/drill-participation.service';
