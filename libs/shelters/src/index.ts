// 应急避难场所: the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { SheltersModule, shelterEntities, shelterProjections } from './shelters.module';
export { shelterAggregate } from './application/shelter.aggregate';
export { ShelterRegister, type ShelterFilter } from './read-models/shelter-register/shelter-register.queries';
export type * from './contract';
