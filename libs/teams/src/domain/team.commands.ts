import type { TeamProfile } from './team.events';
import type { GeoPoint, TeamStatus } from './team.types';

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
  status: Exclude<TeamStatus, 'dispatched'>;
  note?: string;
  location?: GeoPoint;
  now: Date;
}

export type TeamCommand = RegisterTeam | UpdateTeamProfile | DispatchTeam | ReportTeamStatus;
