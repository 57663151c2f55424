import { EventRegistry } from '@app/event-sourcing/events';
import type { ShelterFacility, ShelterKind } from '../../contract';
import type { GeoPointData } from './shelter.types';

/** What the register holds of a shelter besides its jurisdiction. */
export interface ShelterProfile {
  name: string;
  kind: ShelterKind;
  capacity: number;
  location: GeoPointData;
  facilities: ShelterFacility[];
  address: string;
}

export interface ShelterRegistered {
  type: 'ShelterRegistered';
  data: ShelterProfile & { shelterId: string; jurisdiction: string; registeredAt: string };
}

/** Only the fields that really changed; the jurisdiction never changes. */
export interface ShelterProfileUpdated {
  type: 'ShelterProfileUpdated';
  data: { shelterId: string; changes: Partial<ShelterProfile>; updatedAt: string };
}

/**
 * How many people the shelter holds now (a count, not a difference), for a real incident or none. The incident's
 * title is recorded as it was, so the history reads without asking the incidents context.
 */
export interface ShelterOccupancyRecorded {
  type: 'ShelterOccupancyRecorded';
  data: {
    shelterId: string;
    occupants: number;
    incidentId: string | null;
    incidentTitle: string | null;
    note: string | null;
    recordedAt: string;
  };
}

export type ShelterEvent = ShelterRegistered | ShelterProfileUpdated | ShelterOccupancyRecorded;

export const shelterEvents = EventRegistry.of<ShelterEvent>({
  ShelterRegistered: {},
  ShelterProfileUpdated: {},
  ShelterOccupancyRecorded: {},
});
