import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { JurisdictionRegistry } from '@app/shared';
import { TeamMutationsController } from './application/dispatch-team/team-mutations.controller';
import { TeamQueriesController } from './application/query-teams/team-queries.controller';
import { RegisterTeamCommandHandler } from './application/register-team/register-team.command-handler';
import { RegisterTeamController } from './application/register-team/register-team.controller';
import { TeamCommandRunner } from './application/shared/team-command-runner';
import { TeamAvailabilityProjection } from './read-models/team-availability.projection';

/** Rescue teams (救援队伍). Needs EVENT_STORE, CLOCK, JURISDICTIONS and PROJECTION_RUNNER from the app. */
@Module({
  imports: [CqrsModule],
  controllers: [RegisterTeamController, TeamQueriesController, TeamMutationsController],
  providers: [TeamCommandRunner, RegisterTeamCommandHandler],
})
export class TeamsModule {}

export function teamProjections(jurisdictions: JurisdictionRegistry) {
  return [new TeamAvailabilityProjection(jurisdictions)];
}
