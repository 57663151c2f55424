import type { ExpertEvent, ExpertProfile } from './expert.events';

export type ExpertState =
  { status: 'none' } | (ExpertProfile & { status: 'active' | 'withdrawn'; expertId: string; jurisdiction: string });

export const initialExpertState: ExpertState = { status: 'none' };

export function evolveExpert(state: ExpertState, event: ExpertEvent): ExpertState {
  switch (event.type) {
    case 'ExpertRegistered': {
      const { registeredAt: _at, ...registered } = event.data;
      return { ...registered, specialties: [...registered.specialties], status: 'active' };
    }
    case 'ExpertProfileUpdated':
      return state.status === 'none' ? state : { ...state, ...event.data.changes };
    case 'ExpertWithdrawn':
      return state.status === 'none' ? state : { ...state, status: 'withdrawn' };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}
