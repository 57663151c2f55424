import type { CloseIncident } from './incident.commands';
import { IncidentClosedError, IncidentNotFoundError } from './incident.errors';
import type { IncidentClosed } from './incident.events';
import type { IncidentState } from './incident.state';

export function decideCloseIncident(command: CloseIncident, state: IncidentState): IncidentClosed[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  if (state.status === 'closed') throw new IncidentClosedError();
  return [
    {
      type: 'IncidentClosed',
      data: { incidentId: state.incidentId, summary: command.summary, closedAt: command.now.toISOString() },
    },
  ];
}
