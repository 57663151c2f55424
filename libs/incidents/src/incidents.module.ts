import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentBoardRow } from './read-models/incident-board.entity';
import { IncidentTimelineRow } from './read-models/incident-timeline.entity';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { JurisdictionRegistry } from '@app/shared';
import { CloseIncidentCommandHandler } from './application/close-incident/close-incident.command-handler';
import { IncidentQueriesController } from './application/query-incidents/incident-queries.controller';
import { ReportIncidentCommandHandler } from './application/report-incident/report-incident.command-handler';
import { ReportIncidentController } from './application/report-incident/report-incident.controller';
import { IncidentCommandRunner } from './application/shared/incident-command-runner';
import { IncidentMutationsController } from './application/update-situation/incident-mutations.controller';
import { UpdateSituationCommandHandler } from './application/update-situation/update-situation.command-handler';
import { SetResponseLevelController } from './application/set-response-level/set-response-level.controller';
import { CompleteTaskController } from './application/complete-task/complete-task.controller';
import { ComplianceController } from './application/statistics/compliance.controller';
import { StatisticsController } from './application/statistics/statistics.controller';
import { PassReportUpController } from './application/pass-report-up/pass-report-up.controller';
import { DeadlineAlarmScheduler } from './application/deadline-alarms/deadline-alarm.scheduler';
import { IncidentBoardProjection } from './read-models/incident-board.projection';
import { IncidentTimelineProjection } from './read-models/incident-timeline.projection';
import { GetIncidentQueryHandler, GetIncidentTimelineQueryHandler, ListIncidentsQueryHandler } from './read-models/incident.queries';

/** The read-model tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const incidentEntities = [IncidentBoardRow, IncidentTimelineRow];

/** The incidents bounded context. Needs EVENT_STORE, CLOCK, JURISDICTIONS and PROJECTION_RUNNER from the app. */
@Module({
  imports: [TypeOrmModule.forFeature(incidentEntities), CqrsModule],
  controllers: [ReportIncidentController, IncidentMutationsController, IncidentQueriesController, SetResponseLevelController, PassReportUpController, CompleteTaskController, StatisticsController, ComplianceController],
  providers: [
    IncidentCommandRunner,
    DeadlineAlarmScheduler,
    ReportIncidentCommandHandler,
    UpdateSituationCommandHandler,
    CloseIncidentCommandHandler,
    ListIncidentsQueryHandler,
    GetIncidentQueryHandler,
    GetIncidentTimelineQueryHandler,
  ],
  // Other contexts run incident commands through the same runner (plan activation), never around it.
  exports: [IncidentCommandRunner],
})
export class IncidentsModule {}

/** The incidents context's projections, for the app's projection runner. */
export function incidentProjections(jurisdictions: JurisdictionRegistry) {
  return [new IncidentBoardProjection(jurisdictions), new IncidentTimelineProjection()];
}

