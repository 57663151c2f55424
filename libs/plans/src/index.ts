// Contingency plans (应急预案): the only entry point other code imports.
export { PlansModule, planEntities, planProjections } from './plans.module';
export { PlanRow, PlanSuggestionRow, PlanVersionRow } from './read-models/plan.entities';
export * from './domain/plan.types';
export { planEvents, type PlanEvent } from './domain/plan.events';
export type { PlanCommand } from './domain/plan.commands';
export { planDecider } from './domain/plan.decider';
export type { PlanState } from './domain/plan.state';
export { readablePlanJurisdictions } from './application/plan-command-runner';
