/**
 * What the teams context shows the outside world (救援队伍): the views its HTTP API returns and `team.changed` carries.
 * Pure types, shared with the console (`import type` from `@app/teams/contract`).
 */

export type TeamKind = 'fire_rescue' | 'professional' | 'enterprise' | 'social';
export type Specialty =
  | 'fire'
  | 'hazardous_chemicals'
  | 'mine_rescue'
  | 'flood'
  | 'water_search'
  | 'road_clearing'
  | 'power_repair'
  | 'comms_support'
  | 'medical'
  | 'structural_collapse'
  | 'environmental_monitoring';
export type TeamStatus =
  'available' | 'dispatched' | 'en_route' | 'on_scene' | 'returning' | 'out_of_service' | 'in_drill';

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface TeamBase extends GeoPoint {
  address: string;
}

export interface TeamContact {
  name: string;
  phone: string;
}

/** GET /teams, GET /teams/{id} and the `team.changed` delta. */
export interface TeamView {
  id: string;
  name: string;
  kind: TeamKind;
  kindLabel: string;
  specialties: Specialty[];
  specialtyLabels: string[];
  headcount: number;
  equipment: string[];
  base: TeamBase;
  jurisdiction: string;
  jurisdictionName: string;
  contact: TeamContact;
  status: TeamStatus;
  statusLabel: string;
  /** Where a status report may move it next. */
  nextStatuses: TeamStatus[];
  statusSince: string;
  incidentId: string | null;
  /** The live drill the team is taken into (status `in_drill`), else null. */
  drillId: string | null;
  /** The last reported position, else the base. */
  location: GeoPoint;
  revision: number;
  position: string;
}
