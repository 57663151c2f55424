import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentLookup } from '@app/incidents';
import type { JurisdictionRegistry } from '@app/shared';
import { DispatchTeamController } from './application/dispatch-team/dispatch-team.controller';
import { DispatchTeamHandler } from './application/dispatch-team/dispatch-team.handler';
import { TeamQueriesController } from './application/query-teams/team-queries.controller';
import { RegisterTeamController } from './application/register-team/register-team.controller';
import { RegisterTeamHandler } from './application/register-team/register-team.handler';
import { ReportTeamStatusController } from './application/report-team-status/report-team-status.controller';
import { ReportTeamStatusHandler } from './application/report-team-status/report-team-status.handler';
import { TeamAnswer } from './application/team-answer';
import { UpdateTeamController } from './application/update-team/update-team.controller';
import { UpdateTeamHandler } from './application/update-team/update-team.handler';
import { TeamAvailabilityRow } from './read-models/team-availability/team-availability.entity';
import { TeamAvailabilityProjection } from './read-models/team-availability/team-availability.projection';
import { TeamAvailabilityQueries } from './read-models/team-availability/team-availability.queries';

/** The read-model tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const teamEntities = [TeamAvailabilityRow];

/** Rescue teams (救援队伍). Needs the CommandExecutor, CLOCK and JURISDICTIONS from the app. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature(teamEntities)],
  controllers: [
    RegisterTeamController,
    UpdateTeamController,
    DispatchTeamController,
    ReportTeamStatusController,
    TeamQueriesController,
  ],
  providers: [
    TeamAnswer,
    IncidentLookup,
    RegisterTeamHandler,
    UpdateTeamHandler,
    DispatchTeamHandler,
    ReportTeamStatusHandler,
    TeamAvailabilityQueries,
  ],
  exports: [TeamAvailabilityQueries],
})
export class TeamsModule {}

export function teamProjections(jurisdictions: JurisdictionRegistry) {
  return [new TeamAvailabilityProjection(jurisdictions)];
}
