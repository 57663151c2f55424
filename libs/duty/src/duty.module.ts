import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentLookup } from '@app/incidents';
import { WarningsModule } from '@app/warnings';
import type { JurisdictionRegistry } from '@app/shared';
import { AcceptHandoverController } from './application/accept-handover/accept-handover.controller';
import { AcceptHandoverHandler } from './application/accept-handover/accept-handover.handler';
import { DutyDeskController } from './application/duty-desk/duty-desk.controller';
import { DutyDeskReader } from './application/duty-desk/duty-desk.reader';
import { AcknowledgeRollCallController } from './application/acknowledge-roll-call/acknowledge-roll-call.controller';
import { AcknowledgeRollCallHandler } from './application/acknowledge-roll-call/acknowledge-roll-call.handler';
import { HandOverShiftController } from './application/hand-over-shift/hand-over-shift.controller';
import { HandOverShiftHandler } from './application/hand-over-shift/hand-over-shift.handler';
import { HandoverSummaryReader } from './application/hand-over-shift/handover-summary.reader';
import { IssueRollCallController } from './application/issue-roll-call/issue-roll-call.controller';
import { IssueRollCallHandler } from './application/issue-roll-call/issue-roll-call.handler';
import { DutyQueriesController } from './application/query-duty/duty-queries.controller';
import { RollCallScheduler } from './application/record-missed-roll-calls/roll-call.scheduler';
import { ScheduleShiftController } from './application/schedule-shift/schedule-shift.controller';
import { ScheduleShiftHandler } from './application/schedule-shift/schedule-shift.handler';
import { DutyHandoverRow, DutyShiftRow, RollCallRow } from './read-models/duty.entities';
import { DutyQueries } from './read-models/duty.queries';
import { DutyWatchProjection } from './read-models/duty-watch/duty-watch.projection';
import { RollCallProjection } from './read-models/roll-calls/roll-call.projection';

/** The read-model tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const dutyEntities = [DutyShiftRow, DutyHandoverRow, RollCallRow];

/** The watch (值班, 交接班, 点名). Needs the CommandExecutor, CLOCK, JURISDICTIONS and ROLL_CALL_OPTIONS from the app. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature(dutyEntities), WarningsModule],
  controllers: [
    ScheduleShiftController,
    HandOverShiftController,
    IssueRollCallController,
    AcknowledgeRollCallController,
    DutyQueriesController,
    AcceptHandoverController,
    DutyDeskController,
  ],
  providers: [
    DutyQueries,
    IncidentLookup,
    HandoverSummaryReader,
    ScheduleShiftHandler,
    HandOverShiftHandler,
    AcceptHandoverHandler,
    DutyDeskReader,
    IssueRollCallHandler,
    AcknowledgeRollCallHandler,
    RollCallScheduler,
  ],
  exports: [DutyQueries],
})
export class DutyModule {}

export function dutyProjections(jurisdictions: JurisdictionRegistry) {
  return [new DutyWatchProjection(jurisdictions), new RollCallProjection(jurisdictions)];
}
