import { ReportTextController } from './application/report-text/report-text.controller';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserNames } from '@app/identity';
import type { ActorDirectory, JurisdictionRegistry } from '@app/shared';
import { ActivatePlanHandler } from './application/activate-plan/activate-plan.handler';
import { AssignSimulatedTeamHandler } from './application/assign-team/assign-team.handler';
import { CloseIncidentController } from './application/close-incident/close-incident.controller';
import { CloseIncidentHandler } from './application/close-incident/close-incident.handler';
import { CompleteTaskController } from './application/complete-task/complete-task.controller';
import { CompleteTaskHandler } from './application/complete-task/complete-task.handler';
import { DeadlineAlarmScheduler } from './application/deadline-alarms/deadline-alarm.scheduler';
import { GradingPolicies } from './application/grading-policies';
import { IncidentAnswer } from './application/incident-answer';
import { NotifyPartyController } from './application/notify-party/notify-party.controller';
import { NotifyPartyHandler } from './application/notify-party/notify-party.handler';
import { PassReportUpController } from './application/pass-report-up/pass-report-up.controller';
import { ObligationCheck } from './application/shared/obligation-check';
import { WriteOffObligationController } from './application/write-off-obligation/write-off-obligation.controller';
import { WriteOffObligationHandler } from './application/write-off-obligation/write-off-obligation.handler';
import { PassReportUpHandler } from './application/pass-report-up/pass-report-up.handler';
import { IncidentQueriesController } from './application/query-incidents/incident-queries.controller';
import { GazetteerController } from './application/gazetteer/gazetteer.controller';
import { NearbyIncidentsController } from './application/nearby-incidents/nearby-incidents.controller';
import { GazetteerEntryRow } from './read-models/gazetteer/gazetteer-entry.entity';
import { GazetteerQueries } from './read-models/gazetteer/gazetteer.queries';
import { NearbyIncidentsQueries } from './read-models/incident-board/nearby-incidents.queries';
import { RecordDrillAllocationHandler } from './application/record-drill-allocation/record-drill-allocation.handler';
import { ReportIncidentController } from './application/report-incident/report-incident.controller';
import { ReportIncidentHandler } from './application/report-incident/report-incident.handler';
import { SetResponseLevelController } from './application/set-response-level/set-response-level.controller';
import { SetResponseLevelHandler } from './application/set-response-level/set-response-level.handler';
import { ComplianceController } from './application/statistics/compliance.controller';
import { StatisticsController } from './application/statistics/statistics.controller';
import { UpdateSituationController } from './application/update-situation/update-situation.controller';
import { UpdateSituationHandler } from './application/update-situation/update-situation.handler';
import { DeadlineComplianceQueries } from './read-models/deadline-compliance/deadline-compliance.queries';
import { IncidentBoardRow } from './read-models/incident-board/incident-board.entity';
import { IncidentBoardProjection } from './read-models/incident-board/incident-board.projection';
import { IncidentBoardQueries } from './read-models/incident-board/incident-board.queries';
import {
  GetIncidentDrillQueryHandler,
  GetIncidentQueryHandler,
  ListIncidentsQueryHandler,
  ListOpenIncidentsQueryHandler,
  ListOwedObligationsQueryHandler,
  ListIncidentsOwingReportsQueryHandler,
  GetIncidentViewQueryHandler,
} from './read-models/incident-board/incident-board.query-messages';
import { IncidentEventsQueries } from './read-models/incident-events/incident-events.queries';
import { IncidentStatisticsQueries } from './read-models/incident-statistics/incident-statistics.queries';
import { IncidentTimelineRow } from './read-models/incident-timeline/incident-timeline.entity';
import { IncidentTimelineProjection } from './read-models/incident-timeline/incident-timeline.projection';
import { IncidentTimelineQueries } from './read-models/incident-timeline/incident-timeline.queries';
import { SimulatedArrivalHandler } from './application/assign-team/simulated-arrival.handler';
import { IncidentWorkspaceController } from './application/incident-workspace/incident-workspace.controller';
import { IncidentAccountRow } from './read-models/incident-account/incident-account.entity';
import { IncidentAccountProjection } from './read-models/incident-account/incident-account.projection';
import { IncidentAccountQueries } from './read-models/incident-account/incident-account.queries';

/** The read-model tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const incidentEntities = [IncidentBoardRow, IncidentTimelineRow, IncidentAccountRow, GazetteerEntryRow];

/** Handlers other contexts call for incident commands they start (plan activation, a drill's simulated actions). */
const sharedHandlers = [
  ReportIncidentHandler,
  UpdateSituationHandler,
  ActivatePlanHandler,
  AssignSimulatedTeamHandler,
  RecordDrillAllocationHandler,
  SimulatedArrivalHandler,
];

/** The incidents bounded context. Needs the CommandExecutor, EVENT_STORE, CLOCK and JURISDICTIONS from the app. */
@Module({
  imports: [TypeOrmModule.forFeature(incidentEntities), CqrsModule],
  controllers: [
    ReportIncidentController,
    UpdateSituationController,
    CloseIncidentController,
    SetResponseLevelController,
    PassReportUpController,
    NotifyPartyController,
    WriteOffObligationController,
    CompleteTaskController,
    IncidentQueriesController,
    StatisticsController,
    ComplianceController,
    ReportTextController,
    IncidentWorkspaceController,
    // Intake's place search and duplicate check.
    GazetteerController,
    NearbyIncidentsController,
  ],
  providers: [
    IncidentAnswer,
    GradingPolicies,
    ...sharedHandlers,
    CloseIncidentHandler,
    SetResponseLevelHandler,
    PassReportUpHandler,
    NotifyPartyHandler,
    WriteOffObligationHandler,
    ObligationCheck,
    CompleteTaskHandler,
    DeadlineAlarmScheduler,
    IncidentBoardQueries,
    IncidentTimelineQueries,
    IncidentAccountQueries,
    IncidentEventsQueries,
    IncidentStatisticsQueries,
    DeadlineComplianceQueries,
    // Reporters' display names for the compliance view (the identity context keeps them).
    UserNames,
    ListIncidentsQueryHandler,
    GetIncidentQueryHandler,
    GetIncidentDrillQueryHandler,
    ListOpenIncidentsQueryHandler,
    ListOwedObligationsQueryHandler,
    ListIncidentsOwingReportsQueryHandler,
    GetIncidentViewQueryHandler,
    GazetteerQueries,
    NearbyIncidentsQueries,
  ],
  exports: [...sharedHandlers, IncidentAnswer, DeadlineComplianceQueries, IncidentStatisticsQueries],
})
export class IncidentsModule {}

/**
 * The incidents context's projections, for the app's projection runner. `actors` names people in the timeline and the
 * account by display name; without it they are named as recorded with each event (the sign-in name).
 */
export function incidentProjections(jurisdictions: JurisdictionRegistry, actors?: ActorDirectory) {
  return [
    new IncidentBoardProjection(jurisdictions),
    new IncidentTimelineProjection(actors),
    new IncidentAccountProjection(actors),
  ];
}
