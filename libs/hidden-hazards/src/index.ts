// The only entry point other code imports (domain code of other contexts: './domain').
export { HiddenHazardsModule, hiddenHazardEntities, hiddenHazardProjections } from './hidden-hazards.module';
export type * from './contract';
