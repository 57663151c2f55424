import type { ShelterFacility, ShelterKind } from '../../contract';
import type { ShelterProfile } from './shelter.events';
import type { GeoPointData } from './shelter.types';

export interface RegisterShelter {
  type: 'RegisterShelter';
  shelterId: string;
  name: string;
  kind: ShelterKind;
  capacity: number;
  location: GeoPointData;
  facilities: ShelterFacility[];
  address: string;
  jurisdiction: string;
  now: Date;
}

export interface UpdateShelter {
  type: 'UpdateShelter';
  changes: Partial<ShelterProfile>;
  now: Date;
}

/** The incident the count is for, as the incidents context shows it (the application layer reads it). */
export interface OccupancyIncident {
  id: string;
  title: string;
  drillId: string | null;
}

export interface RecordOccupancy {
  type: 'RecordOccupancy';
  occupants: number;
  incident: OccupancyIncident | null;
  note: string | null;
  now: Date;
}

export type ShelterCommand = RegisterShelter | UpdateShelter | RecordOccupancy;
