import type { AssignTeam, RecordAssignedTeamStatus, RecordDrillAllocation } from './incident.commands';
import { IncidentNotFoundError, IncidentResponseEndedError, NotADrillIncidentError } from './incident.errors';
import type { AssignedTeamStatusChanged, DrillAllocationRecorded, TeamAssigned } from './incident.events';
import type { IncidentState } from './incident.state';

/**
 * Redelivered or repeated facts change nothing: the process manager may run a step twice. A closed incident takes no
 * new team, real or simulated: a dispatch that reaches it after the close is refused, and the dispatch process
 * withdraws the team (a repeat of an assignment recorded before the close still changes nothing).
 */
export function decideAssignTeam(command: AssignTeam, state: IncidentState): TeamAssigned[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  if (command.simulated && !state.drillId) throw new NotADrillIncidentError();
  if (state.assignedTeams[command.teamId] === 'dispatched') return [];
  if (state.status === 'closed') throw new IncidentResponseEndedError();
  return [
    {
      type: 'TeamAssigned',
      data: {
        incidentId: state.incidentId,
        teamId: command.teamId,
        teamName: command.teamName,
        task: command.task,
        dispatchedAt: command.dispatchedAt.toISOString(),
        ...(command.simulated ? { simulated: true as const } : {}),
      },
    },
  ];
}

export function decideRecordDrillAllocation(
  command: RecordDrillAllocation,
  state: IncidentState,
): DrillAllocationRecorded[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  if (!state.drillId) throw new NotADrillIncidentError();
  // The drill plays by the real rule: its closed incident takes no more (simulated) supplies either.
  if (state.status === 'closed') throw new IncidentResponseEndedError();
  return [
    {
      type: 'DrillAllocationRecorded',
      data: {
        incidentId: state.incidentId,
        drillId: state.drillId,
        allocationId: command.allocationId,
        warehouseId: command.warehouseId,
        items: command.items.map((i) => ({ ...i })),
        allocatedAt: command.now.toISOString(),
      },
    },
  ];
}

export function decideRecordAssignedTeamStatus(
  command: RecordAssignedTeamStatus,
  state: IncidentState,
): AssignedTeamStatusChanged[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  const current = state.assignedTeams[command.teamId];
  if (current === undefined || current === command.status) return [];
  return [
    {
      type: 'AssignedTeamStatusChanged',
      data: {
        incidentId: state.incidentId,
        teamId: command.teamId,
        teamName: command.teamName,
        status: command.status,
        at: command.at.toISOString(),
      },
    },
  ];
}
