// 隐患排查治理: the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { HiddenHazardsModule, hiddenHazardEntities, hiddenHazardProjections } from './hidden-hazards.module';
export { hiddenHazardAggregate } from './application/hidden-hazard.aggregate';
export {
  HiddenHazardRegister,
  type HiddenHazardFilter,
  type HiddenHazardSummaryFilter,
} from './read-models/hidden-hazard-register/hidden-hazard-register.queries';
export {
  HiddenHazardOverdueWatch,
  type HiddenHazardWatchStep,
} from './application/watch-overdue/hidden-hazard-overdue-watch.job';
export { overdueSourceKey } from './application/watch-overdue/hidden-hazard-alarms';
export {
  HIDDEN_HAZARD_WATCH_OPTIONS,
  type HiddenHazardWatchOptions,
} from './application/watch-overdue/hidden-hazard-watch-options';
export type * from './contract';
