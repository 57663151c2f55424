import { unknownCase } from '@app/event-sourcing/events';
import type { RollCallEvent } from './roll-call.events';
import type { RollCallTargetStatus } from '../duty.types';

export interface RollCallTarget {
  jurisdiction: string;
  status: RollCallTargetStatus;
  by: string | null;
  at: string | null;
}

export type RollCallState =
  | { status: 'none' }
  | {
      status: 'issued';
      rollCallId: string;
      jurisdiction: string;
      issuedAt: string;
      dueAt: string;
      targets: RollCallTarget[];
    };

export const initialRollCallState: RollCallState = { status: 'none' };

export function evolveRollCall(state: RollCallState, event: RollCallEvent): RollCallState {
  switch (event.type) {
    case 'RollCallIssued':
      return {
        status: 'issued',
        rollCallId: event.data.rollCallId,
        jurisdiction: event.data.jurisdiction,
        issuedAt: event.data.issuedAt,
        dueAt: event.data.dueAt,
        targets: event.data.targets.map((jurisdiction) => ({ jurisdiction, status: 'pending', by: null, at: null })),
      };
    case 'RollCallAcknowledged':
      if (state.status === 'none') return state;
      return {
        ...state,
        targets: state.targets.map((t) =>
          t.jurisdiction === event.data.jurisdiction
            ? { ...t, status: 'answered', by: event.data.acknowledgedBy.name, at: event.data.acknowledgedAt }
            : t,
        ),
      };
    case 'RollCallMissed':
      if (state.status === 'none') return state;
      return {
        ...state,
        targets: state.targets.map((t) =>
          t.jurisdiction === event.data.jurisdiction ? { ...t, status: 'missed', at: event.data.recordedAt } : t,
        ),
      };
    default:
      return unknownCase(event);
  }
}
