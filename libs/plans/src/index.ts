// Contingency plans (应急预案): the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { planAggregate } from './application/plan.aggregate';
export { RecordPlanFindingHandler } from './application/record-plan-finding/record-plan-finding.handler';
export { PlansModule, planEntities, planProjections } from './plans.module';
export { WorkingDayCalendars } from './application/working-day-calendars/working-day-calendars';
export {
  PlanRegisterQueries,
  type PlanFilter,
  type PlanInForceView,
} from './read-models/plan-register/plan-register.queries';
export type { PlanView, PlanVersionView } from './read-models/plan-register/plan.views';
export type { PlanRow } from './read-models/plan-register/plan-register.entities';
