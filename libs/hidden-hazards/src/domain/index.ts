// The pure entry for other contexts' domain code.
export * from './hidden-hazard/hidden-hazard.types';
export * from './hidden-hazard/hidden-hazard.errors';
export { hiddenHazardEvents, type HiddenHazardEvent } from './hidden-hazard/hidden-hazard.events';
export { hiddenHazardDecider } from './hidden-hazard/hidden-hazard.decider';
export { supervisingJurisdiction, atOrAbove } from './hidden-hazard/supervision';
