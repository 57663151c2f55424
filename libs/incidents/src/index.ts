// The incidents bounded context: the only entry point other code imports.
export { IncidentsModule, incidentEntities, incidentProjections } from './incidents.module';
export { IncidentBoardRow } from './read-models/incident-board.entity';
export { IncidentTimelineRow } from './read-models/incident-timeline.entity';
export * from './domain/accident-grade';
export * from './domain/incident.types';
export { incidentEvents, type IncidentEvent } from './domain/incident.events';
export type { IncidentCommand } from './domain/incident.commands';
export type { IncidentView, TimelineEntryView } from './read-models/incident.views';
export { ReportIncidentCommand } from './application/report-incident/report-incident.command';
export { ReportIncidentRequest } from './application/report-incident/report-incident.request';
export { GetIncidentQuery, ListIncidentsQuery } from './read-models/incident.queries';
export { IncidentLookup, type IncidentRefusals } from './read-models/incident-lookup';
export { incidentDecider } from './domain/incident.decider';
export type { IncidentState } from './domain/incident.state';
export { DEADLINE_ALARM_OPTIONS, DeadlineAlarmScheduler, type DeadlineAlarmOptions } from './application/deadline-alarms/deadline-alarm.scheduler';
export { isRaise, checklistTaskId, type PinnedPlan, type PlanRequirements, type ChecklistTask } from './domain/checklist';
export { IncidentCommandRunner, type IncidentCommandResponse } from './application/shared/incident-command-runner';
export type { ActivePlanView, ChecklistTaskView } from './read-models/incident-board.entity';
// Replay folds recorded events through the board's own row function (GET /incidents/{id}/state?at=, replay.event).
export { applyBoardEvent, boardEvents, boardIncidentIdOf, deadlineProfileLookup } from './read-models/incident-board.projection';
export { toIncidentView } from './read-models/incident.views';
