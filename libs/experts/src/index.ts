// The only entry point other code imports (domain code of other contexts: './domain').
export { ExpertsModule, expertEntities, expertProjections } from './experts.module';
export type * from './contract';
