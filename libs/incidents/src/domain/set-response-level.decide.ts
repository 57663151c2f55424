import type { SetResponseLevel } from './incident.commands';
import { IncidentClosedError, IncidentNotFoundError } from './incident.errors';
import type { ResponseLevelSet } from './incident.events';
import type { IncidentState } from './incident.state';

/** Setting the level it already has changes nothing; a closed incident's response is over. */
export function decideSetResponseLevel(command: SetResponseLevel, state: IncidentState): ResponseLevelSet[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  if (state.status === 'closed') throw new IncidentClosedError();
  if (state.responseLevel === command.level) return [];
  return [{
    type: 'ResponseLevelSet',
    data: { incidentId: state.incidentId, from: state.responseLevel, level: command.level, reason: command.reason, decidedBy: command.decidedBy, decidedAt: command.now.toISOString() },
  }];
}
