import { teamEvents } from './team.events';
import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import { canMove, isCommitted } from './team-lifecycle';
import type { TeamCommand } from './team.commands';
import {
  IllegalTeamStatusError,
  TeamAlreadyRegisteredError,
  TeamNotAvailableError,
  TeamNotFoundError,
} from './team.errors';
import type { TeamEvent } from './team.events';
import { TEAM_SNAPSHOTS, evolveTeam, initialTeamState, type TeamState } from './team.state';

export function decideTeam(command: TeamCommand, state: TeamState): TeamEvent[] {
  const at = command.now.toISOString();
  if (command.type === 'RegisterTeam') {
    if (state.status !== 'none') throw new TeamAlreadyRegisteredError();
    const { type: _t, now: _n, ...profile } = command;
    return [{ type: 'TeamRegistered', data: { ...profile, registeredAt: at } }];
  }
  if (state.status === 'none') throw new TeamNotFoundError();
  switch (command.type) {
    case 'UpdateTeamProfile': {
      const { type: _t, now: _n, ...changes } = command;
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'TeamProfileUpdated', data: { teamId: state.teamId, ...changes, updatedAt: at } }];
    }
    case 'DispatchTeam':
      // A repeated dispatch is refused like any other (a retried request is recognised by its Idempotency-Key
      // before decide runs): of 50 commanders pressing the button at once, one wins and 49 learn the team is taken.
      if (state.status !== 'available') throw new TeamNotAvailableError(state.status, state.incidentId);
      return [
        {
          type: 'TeamDispatched',
          data: { teamId: state.teamId, incidentId: command.incidentId, task: command.task ?? null, dispatchedAt: at },
        },
      ];
    case 'ReportTeamStatus':
      if (command.status === state.status) return [];
      if (!canMove(state.status, command.status)) throw new IllegalTeamStatusError(state.status, command.status);
      return [
        {
          type: 'TeamStatusReported',
          data: {
            teamId: state.teamId,
            from: state.status,
            status: command.status,
            incidentId: state.incidentId,
            note: command.note ?? null,
            location: command.location ?? null,
            reportedAt: at,
          },
        },
      ];
    case 'TakeTeamIntoDrill':
      if (state.status === 'in_drill' && state.drillId === command.drillId) return [];
      if (state.status !== 'available') throw new TeamNotAvailableError(state.status, state.incidentId);
      return [{ type: 'TeamTakenIntoDrill', data: { teamId: state.teamId, drillId: command.drillId, at } }];
    case 'ReleaseTeamFromDrill':
      // Idempotent: a team already released (recalled, or by a redelivered DrillEnded) or in another drill is left alone.
      if (state.status !== 'in_drill' || state.drillId !== command.drillId) return [];
      return [
        {
          type: 'TeamReleasedFromDrill',
          data: { teamId: state.teamId, drillId: command.drillId, reason: command.reason, at },
        },
      ];
    case 'WithdrawDispatch':
      // Idempotent, and only for the dispatch it names: a team that already returned, or went on to another
      // incident, is left alone.
      if (state.incidentId !== command.incidentId || !isCommitted(state.status)) return [];
      return [
        {
          type: 'TeamDispatchWithdrawn',
          data: {
            teamId: state.teamId,
            incidentId: command.incidentId,
            from: state.status,
            status: state.status === 'dispatched' ? 'available' : 'returning',
            reason: command.reason,
            at,
          },
        },
      ];
    default:
      return unknownCase(command);
  }
}

export const teamDecider = defineDecider<TeamCommand, TeamEvent, TeamState>({
  events: teamEvents,
  initialState: initialTeamState,
  evolve: evolveTeam,
  decide: decideTeam,
  notFound: () => new TeamNotFoundError(),
  snapshotting: TEAM_SNAPSHOTS,
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
});
