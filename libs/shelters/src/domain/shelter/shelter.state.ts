import type { ShelterEvent, ShelterProfile } from './shelter.events';

export type ShelterState =
  | { status: 'none' }
  | (ShelterProfile & { status: 'registered'; shelterId: string; jurisdiction: string; occupants: number });

export const initialShelterState: ShelterState = { status: 'none' };

export function evolveShelter(state: ShelterState, event: ShelterEvent): ShelterState {
  switch (event.type) {
    case 'ShelterRegistered': {
      const { registeredAt: _at, ...registered } = event.data;
      return { ...registered, status: 'registered', occupants: 0 };
    }
    case 'ShelterProfileUpdated':
      return state.status === 'none' ? state : { ...state, ...event.data.changes };
    case 'ShelterOccupancyRecorded':
      return state.status === 'none' ? state : { ...state, occupants: event.data.occupants };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}
