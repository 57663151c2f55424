import { TypeOrmModule } from '@nestjs/typeorm';
import { DutyShiftRow, DutyHandoverRow, RollCallRow } from './read-models/duty.entities';
import { Module } from '@nestjs/common';
import type { JurisdictionRegistry } from '@app/shared';
import { DutyQueriesController } from './application/queries/duty-queries.controller';
import { RollCallController } from './application/roll-call/roll-call.controller';
import { RollCallScheduler } from './application/roll-call/roll-call.scheduler';
import { DutyCommandRunner } from './application/shared/duty-command-runner';
import { DutyWatchController } from './application/watch/duty-watch.controller';
import { HandoverSummaryReader } from './application/watch/handover-summary.reader';
import { DutyWatchProjection } from './read-models/duty-watch.projection';
import { RollCallProjection } from './read-models/roll-call.projection';

/** The read-model tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const dutyEntities = [DutyShiftRow, DutyHandoverRow, RollCallRow];

/** The watch (值班, 交接班, 点名). Needs EVENT_STORE, CLOCK, JURISDICTIONS, PROJECTION_RUNNER and ROLL_CALL_OPTIONS from the app. */
@Module({
  imports: [TypeOrmModule.forFeature(dutyEntities)],
  controllers: [DutyWatchController, DutyQueriesController, RollCallController],
  providers: [DutyCommandRunner, HandoverSummaryReader, RollCallScheduler],
})
export class DutyModule {}

export function dutyProjections(jurisdictions: JurisdictionRegistry) {
  return [new DutyWatchProjection(jurisdictions), new RollCallProjection(jurisdictions)];
}
