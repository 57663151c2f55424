// Rescue teams (救援队伍): the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { teamAggregate } from './application/team.aggregate';
export { TeamsModule, teamEntities, teamProjections } from './teams.module';
export { TeamAvailabilityQueries, type TeamFilter } from './read-models/team-availability/team-availability.queries';
export type { TeamView } from './read-models/team-availability/team.views';
export { toTeamView } from './read-models/team-availability/team.views';
