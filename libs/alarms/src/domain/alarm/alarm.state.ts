import type { AlarmEvent, AlarmRaised } from './alarm.events';
import type { AlarmStatus, EscalationLevel } from '../../contract';

export type AlarmState =
  | { status: 'none' }
  | (AlarmRaised['data'] & {
      status: AlarmStatus;
      acknowledgedAt: string | null;
      escalationLevel: EscalationLevel;
      resolvedAt: string | null;
    });

export const initialAlarmState: AlarmState = { status: 'none' };

export function evolveAlarm(state: AlarmState, event: AlarmEvent): AlarmState {
  switch (event.type) {
    case 'AlarmRaised':
      return { ...event.data, status: 'raised', acknowledgedAt: null, escalationLevel: 0, resolvedAt: null };
    case 'AlarmAcknowledged':
      return state.status === 'none'
        ? state
        : { ...state, status: 'acknowledged', acknowledgedAt: event.data.acknowledgedAt };
    case 'AlarmEscalated':
      return state.status === 'none' ? state : { ...state, escalationLevel: event.data.level };
    case 'AlarmResolved':
      return state.status === 'none' ? state : { ...state, status: 'resolved', resolvedAt: event.data.resolvedAt };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}
