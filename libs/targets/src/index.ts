// The only entry point other code imports (domain code of other contexts: './domain').
export { TargetsModule, targetEntities, targetProjections } from './targets.module';
export type * from './contract';
