// The incidents bounded context: the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { IncidentsModule, incidentEntities, incidentProjections } from './incidents.module';
export { incidentAggregate } from './application/incident.aggregate';
export { IncidentAnswer, type IncidentCommandResponse } from './application/incident-answer';
// The use cases other contexts start: they call these handlers (the executor and the answer included).
export { ReportIncidentHandler } from './application/report-incident/report-incident.handler';
export { ReportIncidentRequest } from './application/report-incident/report-incident.request';
export {
  UpdateSituationHandler,
  type UpdateSituationInput,
} from './application/update-situation/update-situation.handler';
export { ActivatePlanHandler, type ActivatePlanInput } from './application/activate-plan/activate-plan.handler';
export { AssignSimulatedTeamHandler, type SimulatedDispatchInput } from './application/assign-team/assign-team.handler';
export { SimulatedArrivalHandler } from './application/assign-team/simulated-arrival.handler';
export {
  RecordDrillAllocationHandler,
  type DrillAllocationInput,
} from './application/record-drill-allocation/record-drill-allocation.handler';
// Query ports and views.
export { IncidentLookup, type IncidentRefusals } from './read-models/incident-board/incident-lookup';
export type { OpenIncidentRecord } from './read-models/incident-board/incident-board.queries';
export { GetIncidentQuery, ListIncidentsQuery } from './read-models/incident-board/incident-board.query-messages';
export type { IncidentFilter } from './read-models/incident-board/incident-board.queries';
export { DeadlineComplianceQueries } from './read-models/deadline-compliance/deadline-compliance.queries';
// The assessment targets' progress sums the statistics' monthly figures (one SQL definition of what counts).
export {
  IncidentStatisticsQueries,
  type MonthlyCategoryFigures,
} from './read-models/incident-statistics/incident-statistics.queries';
export type { IncidentView } from './read-models/incident-board/incident.views';
export type { TimelineEntryView } from './read-models/incident-timeline/timeline.views';
export type { ActivePlanView, ChecklistTaskView } from './read-models/incident-board/incident-board.entity';
export {
  DEADLINE_ALARM_OPTIONS,
  DeadlineAlarmScheduler,
  type DeadlineAlarmOptions,
} from './application/deadline-alarms/deadline-alarm.scheduler';
// The port through which a registered enterprise's profile reaches intake and the report text (provided by the
// enterprise register, which depends on this context).
export {
  ENTERPRISE_PROFILES,
  type EnterpriseProfile,
  type EnterpriseProfiles,
} from './application/enterprise-profiles';
// The port through which a jurisdiction's own share target (assessment targets) reaches the statistics.
export { SHARE_TARGETS, NO_SHARE_TARGETS, type ShareTargets } from './application/share-targets';
// An enterprise register keeps its units in the gazetteer intake searches.
export { gazetteerFeed, type GazetteerEnterpriseEntry } from './read-models/gazetteer/gazetteer-feed';
// Replay folds recorded events through the board's own row function (GET /incidents/{id}/state?at=, replay.event).
export {
  applyBoardEvent,
  boardEvents,
  boardIncidentIdOf,
  deadlineProfileLookup,
} from './read-models/incident-board/incident-board.projection';
export { toIncidentView } from './read-models/incident-board/incident.views';
// Replay names who recorded each event as the timeline does.
export { timelineActorOf, type TimelineActor } from './read-models/incident-timeline/timeline-actor';
