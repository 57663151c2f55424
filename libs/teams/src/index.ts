// Rescue teams (救援队伍): the only entry point other code imports.
export * from './domain/team.types';
export * from './domain/team.events';
export * from './domain/team.commands';
export * from './domain/team.errors';
export { teamDecider } from './domain/team.decider';
export type { TeamState } from './domain/team.state';
export { TeamsModule, teamProjections } from './teams.module';
export { TeamAvailabilityRow } from './read-models/team-availability.entity';
export { toTeamView, type TeamView } from './read-models/team.views';
