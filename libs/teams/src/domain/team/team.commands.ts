import type { TeamProfile } from './team.events';
import type { DrillReleaseReason, GeoPoint, TeamStatus } from './team.types';

export interface RegisterTeam extends TeamProfile {
  type: 'RegisterTeam';
  teamId: string;
  now: Date;
}

export interface UpdateTeamProfile extends Partial<Omit<TeamProfile, 'jurisdiction'>> {
  type: 'UpdateTeamProfile';
  now: Date;
}

export interface DispatchTeam {
  type: 'DispatchTeam';
  incidentId: string;
  task?: string;
  now: Date;
}

export interface ReportTeamStatus {
  type: 'ReportTeamStatus';
  status: Exclude<TeamStatus, 'dispatched' | 'in_drill'>;
  note?: string;
  location?: GeoPoint;
  now: Date;
}

/** A live drill (实战演练) takes an available team out of service for its duration. */
export interface TakeTeamIntoDrill {
  type: 'TakeTeamIntoDrill';
  drillId: string;
  now: Date;
}

/** Back to available: recalled from the drill, or the drill ended. Nothing happens when the team is not in that drill. */
export interface ReleaseTeamFromDrill {
  type: 'ReleaseTeamFromDrill';
  drillId: string;
  reason: DrillReleaseReason;
  now: Date;
}

/**
 * From the dispatch process: the incident this team was dispatched to had ended before the dispatch reached it, so the
 * dispatch is withdrawn, saying why. Nothing happens when the team has already left that incident.
 */
export interface WithdrawDispatch {
  type: 'WithdrawDispatch';
  incidentId: string;
  reason: string;
  now: Date;
}

export type TeamCommand =
  | RegisterTeam
  | UpdateTeamProfile
  | DispatchTeam
  | ReportTeamStatus
  | TakeTeamIntoDrill
  | ReleaseTeamFromDrill
  | WithdrawDispatch;
