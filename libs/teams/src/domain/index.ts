// The teams context's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './team/team.types';
export * from './team/team.events';
export * from './team/team.commands';
export * from './team/team.errors';
export { teamDecider } from './team/team.decider';
export type { TeamState } from './team/team.state';
