// The shelter register's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './shelter/shelter.types';
export * from './shelter/shelter.events';
export * from './shelter/shelter.commands';
export * from './shelter/shelter.errors';
export { shelterDecider } from './shelter/shelter.decider';
export type { ShelterState } from './shelter/shelter.state';
export * from './evacuation/evacuation';
