import type { ConsultationStatus } from '../../contract';
import type { ConsultationEvent } from './consultation.events';

export type ConsultationState =
  | { status: 'none' }
  | {
      status: ConsultationStatus;
      consultationId: string;
      incidentId: string;
      expertId: string;
      expertName: string;
      jurisdiction: string;
    };

export const initialConsultationState: ConsultationState = { status: 'none' };

export function evolveConsultation(state: ConsultationState, event: ConsultationEvent): ConsultationState {
  switch (event.type) {
    case 'ExpertInvited': {
      const d = event.data;
      return {
        status: 'invited',
        consultationId: d.consultationId,
        incidentId: d.incidentId,
        expertId: d.expertId,
        expertName: d.expertName,
        jurisdiction: d.jurisdiction,
      };
    }
    case 'ConsultationAccepted':
      return state.status === 'none' ? state : { ...state, status: 'accepted' };
    case 'ConsultationDeclined':
      return state.status === 'none' ? state : { ...state, status: 'declined' };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}
