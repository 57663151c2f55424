import type { WarningContent, WarningEvent } from './warning.events';

export type WarningState =
  | { status: 'none' }
  | (WarningContent & {
      status: 'active' | 'lifted';
      warningId: string;
      jurisdiction: string;
      drillId: string | null;
      incidentId: string | null;
      liftedAt: string | null;
    });

export const initialWarningState: WarningState = { status: 'none' };

export function evolveWarning(state: WarningState, event: WarningEvent): WarningState {
  switch (event.type) {
    case 'WarningIssued': {
      const { issuedAt: _at, ...issued } = event.data;
      return { ...issued, status: 'active', liftedAt: null };
    }
    case 'WarningUpdated':
      return state.status === 'none' ? state : { ...state, ...event.data.changes };
    case 'WarningLifted':
      return state.status === 'none' ? state : { ...state, status: 'lifted', liftedAt: event.data.liftedAt };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}
