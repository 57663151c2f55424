import { unknownCase, type Snapshotting } from '@app/event-sourcing/events';
import type { TeamEvent, TeamProfile } from './team.events';
import type { GeoPoint, TeamStatus } from './team.types';

export type TeamState =
  | { status: 'none' }
  | (TeamProfile & {
      teamId: string;
      status: TeamStatus;
      incidentId: string | null;
      drillId: string | null;
      lastLocation: GeoPoint | null;
    });

export const initialTeamState: TeamState = { status: 'none' };

/**
 * A team's stream grows by five or so events per call-out for as long as the team exists; past about 500 events a
 * snapshot plus the tail loads faster than the whole stream (measured: `npm run bench:decider-snapshots`;
 * docs/performance.md section 3, docs/adr/0022). The state above is plain JSON. Bump `version` whenever its shape changes: older snapshots are then
 * ignored.
 */
export const TEAM_SNAPSHOTS: Snapshotting = { version: 1, every: 500 };

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  switch (event.type) {
    case 'TeamRegistered': {
      const { registeredAt: _at, ...profile } = event.data;
      return { ...profile, status: 'available', incidentId: null, drillId: null, lastLocation: null };
    }
    case 'TeamProfileUpdated': {
      if (state.status === 'none') return state;
      const { teamId: _id, updatedAt: _at, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case 'TeamDispatched':
      return state.status === 'none' ? state : { ...state, status: 'dispatched', incidentId: event.data.incidentId };
    case 'TeamStatusReported': {
      if (state.status === 'none') return state;
      // The incident link is kept while returning (for the record) and cleared once the team is available again.
      const incidentId =
        event.data.status === 'available' || event.data.status === 'out_of_service' ? null : state.incidentId;
      return {
        ...state,
        status: event.data.status,
        incidentId,
        lastLocation: event.data.location ?? state.lastLocation,
      };
    }
    case 'TeamTakenIntoDrill':
      return state.status === 'none' ? state : { ...state, status: 'in_drill', drillId: event.data.drillId };
    case 'TeamReleasedFromDrill':
      return state.status === 'none' ? state : { ...state, status: 'available', drillId: null };
    case 'TeamDispatchWithdrawn':
      if (state.status === 'none') return state;
      // Like a status report: the incident link stays while returning and is cleared once the team is free.
      return {
        ...state,
        status: event.data.status,
        incidentId: event.data.status === 'available' ? null : state.incidentId,
      };
    default:
      return unknownCase(event);
  }
}
