import { defineAggregate } from '@app/event-sourcing';
import { incidentDecider } from '../domain/incident/incident.decider';

/**
 * An incident (事故): streams `incident-<id>`; a command's caller next reads the board and the timeline. It may be
 * drill data: every command after the report is checked against the drill rules by the executor (docs/security.md).
 */
export const incidentAggregate = defineAggregate({
  category: 'incident',
  decider: incidentDecider,
  readModels: ['incident-board', 'incident-timeline'],
  resource: 'incidents',
  drillData: { kind: 'incident', createdBy: 'IncidentReported', createdWith: 'ReportIncident' },
});
