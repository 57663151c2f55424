import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserNames } from '@app/identity';
import { IncidentLookup } from '@app/incidents';
import { systemClock, type Clock, type JurisdictionRegistry } from '@app/shared';
import { IssueWarningController } from './application/issue-warning/issue-warning.controller';
import { IssueWarningHandler } from './application/issue-warning/issue-warning.handler';
import { LiftWarningController } from './application/lift-warning/lift-warning.controller';
import { LiftWarningHandler } from './application/lift-warning/lift-warning.handler';
import { WarningQueriesController } from './application/query-warnings/warning-queries.controller';
import { UpdateWarningController } from './application/update-warning/update-warning.controller';
import { UpdateWarningHandler } from './application/update-warning/update-warning.handler';
import { WarningAnswer } from './application/warning-answer';
import { WarningBoardRow } from './read-models/warning-board/warning-board.entity';
import { WarningBoardProjection } from './read-models/warning-board/warning-board.projection';
import { WarningBoardQueries } from './read-models/warning-board/warning-board.queries';

/** The read-model tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const warningEntities = [WarningBoardRow];

/** Early warnings (预警) and their CAP 1.2 export. Needs the CommandExecutor, CLOCK and JURISDICTIONS from the app. */
@Module({
  imports: [TypeOrmModule.forFeature(warningEntities), CqrsModule],
  controllers: [IssueWarningController, UpdateWarningController, LiftWarningController, WarningQueriesController],
  providers: [
    WarningAnswer,
    IncidentLookup,
    WarningBoardQueries,
    UserNames,
    IssueWarningHandler,
    UpdateWarningHandler,
    LiftWarningHandler,
  ],
  exports: [WarningBoardQueries],
})
export class WarningsModule {}

/** The clock only decides the derived `expired` status of pushed views. */
export function warningProjections(jurisdictions: JurisdictionRegistry, clock: Clock = systemClock) {
  return [new WarningBoardProjection(jurisdictions, clock)];
}
