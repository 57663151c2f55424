import { TypeOrmModule } from '@nestjs/typeorm';
import { WarningBoardRow } from './read-models/warning-board.entity';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { systemClock, type Clock, type JurisdictionRegistry } from '@app/shared';
import { IssueWarningCommandHandler } from './application/issue-warning/issue-warning.command-handler';
import { WarningMutationsController } from './application/issue-warning/warning-mutations.controller';
import { WarningQueriesController } from './application/query-warnings/warning-queries.controller';
import { WarningCommandRunner } from './application/shared/warning-command-runner';
import { WarningBoardProjection } from './read-models/warning-board.projection';

/** The read-model tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const warningEntities = [WarningBoardRow];

/** Early warnings (预警) and their CAP 1.2 export. Needs EVENT_STORE, CLOCK, JURISDICTIONS and PROJECTION_RUNNER. */
@Module({
  imports: [TypeOrmModule.forFeature(warningEntities), CqrsModule],
  controllers: [WarningMutationsController, WarningQueriesController],
  providers: [WarningCommandRunner, IssueWarningCommandHandler],
})
export class WarningsModule {}

/** The clock only decides the derived `expired` status of pushed views. */
export function warningProjections(jurisdictions: JurisdictionRegistry, clock: Clock = systemClock) {
  return [new WarningBoardProjection(jurisdictions, clock)];
}
