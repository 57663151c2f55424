// The only entry point other code imports (domain code of other contexts: './domain').
export { SheltersModule, shelterEntities, shelterProjections } from './shelters.module';
export type * from './contract';
