// The plans context's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './plan/plan.types';
export * from './plan/plan.events';
export * from './plan/plan.commands';
export * from './plan/plan.errors';
export { planDecider } from './plan/plan.decider';
export type { PlanState, PlanVersion, VersionStatus } from './plan/plan.state';
export { readablePlanJurisdictions, isReadOnlyPlanFor } from './plan/plan-readers';
export {
  notApplicableBecause,
  suggestPlans,
  levelMet,
  type IncidentFacts,
  type PlanInForce,
  type PlanSuggestion,
} from './plan/plan-suggestions';
export * from './governance/working-days';
export * from './governance/plan-governance';
export { SHIPPED_WORKING_DAY_CALENDAR } from './governance/cn-working-day-calendar';
