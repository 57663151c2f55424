import { incidentEvents } from './incident.events';
import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import { decideActivatePlan, decideCompleteTask } from './activate-plan.decide';
import { decideAssignTeam, decideRecordAssignedTeamStatus, decideRecordDrillAllocation } from './assign-team.decide';
import { decideCloseIncident } from './close-incident.decide';
import { decideRecordLateAllocationCancelled, decideRecordLateDispatchWithdrawn } from './late-arrival.decide';
import { decideSetResponseLevel } from './set-response-level.decide';
import type { IncidentCommand } from './incident.commands';
import type { IncidentEvent } from './incident.events';
import { IncidentNotFoundError } from './incident.errors';
import { INCIDENT_SNAPSHOTS, evolveIncident, initialIncidentState, type IncidentState } from './incident.state';
import { decideNotifyParty, decidePassReportUp, decideWriteOff } from './report-chain.decide';
import { decideReportIncident } from './report-incident.decide';
import { decideUpdateSituation } from './update-situation.decide';

export function decideIncident(command: IncidentCommand, state: IncidentState): IncidentEvent[] {
  switch (command.type) {
    case 'ReportIncident':
      return decideReportIncident(command, state);
    case 'UpdateSituation':
      return decideUpdateSituation(command, state);
    case 'CloseIncident':
      return decideCloseIncident(command, state);
    case 'AssignTeam':
      return decideAssignTeam(command, state);
    case 'RecordAssignedTeamStatus':
      return decideRecordAssignedTeamStatus(command, state);
    case 'SetResponseLevel':
      return decideSetResponseLevel(command, state);
    case 'PassReportUp':
      return decidePassReportUp(command, state);
    case 'NotifyParty':
      return decideNotifyParty(command, state);
    case 'WriteOffObligation':
      return decideWriteOff(command, state);
    case 'ActivatePlan':
      return decideActivatePlan(command, state);
    case 'CompleteChecklistTask':
      return decideCompleteTask(command, state);
    case 'RecordDrillAllocation':
      return decideRecordDrillAllocation(command, state);
    case 'RecordLateDispatchWithdrawn':
      return decideRecordLateDispatchWithdrawn(command, state);
    case 'RecordLateAllocationCancelled':
      return decideRecordLateAllocationCancelled(command, state);
    default:
      return unknownCase(command);
  }
}

export const incidentDecider = defineDecider<IncidentCommand, IncidentEvent, IncidentState>({
  events: incidentEvents,
  initialState: initialIncidentState,
  evolve: evolveIncident,
  decide: decideIncident,
  notFound: () => new IncidentNotFoundError(),
  snapshotting: INCIDENT_SNAPSHOTS,
  scopeOf: (state) =>
    state.status === 'none'
      ? {}
      : { jurisdiction: state.jurisdiction, ...(state.drillId ? { drillId: state.drillId } : {}) },
});
