import { tasksOfActivePlans } from './activate-plan.decide';
import { isRaise } from './checklist';
import type { SetResponseLevel } from './incident.commands';
import { IncidentClosedError, IncidentNotFoundError } from './incident.errors';
import type { IncidentEvent } from './incident.events';
import type { IncidentState } from './incident.state';

/**
 * Setting the level it already has changes nothing; a closed incident's response is over. Raising the level adds the
 * new level's tasks of every active plan; lowering it keeps the checklist as it is (work under way is not withdrawn).
 */
export function decideSetResponseLevel(command: SetResponseLevel, state: IncidentState): IncidentEvent[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  if (state.status === 'closed') throw new IncidentClosedError();
  if (state.responseLevel === command.level) return [];
  const at = command.now.toISOString();
  return [
    {
      type: 'ResponseLevelSet',
      data: {
        incidentId: state.incidentId,
        from: state.responseLevel,
        level: command.level,
        reason: command.reason,
        decidedBy: command.decidedBy,
        decidedAt: at,
      },
    },
    ...(isRaise(state.responseLevel, command.level) ? tasksOfActivePlans(state, command.level, at) : []),
  ];
}
