import type { HiddenHazardGrade, HiddenHazardStatus, SupervisionLevel } from '../../contract';
import type { HiddenHazardEvent } from './hidden-hazard.events';

export type HiddenHazardState =
  | { status: 'none' }
  | {
      status: HiddenHazardStatus;
      hiddenHazardId: string;
      jurisdiction: string;
      grade: HiddenHazardGrade;
      supervision: { level: SupervisionLevel; jurisdiction: string } | null;
      /** 1 at first; each failed 验收 starts the next rectification round. */
      round: number;
      /** The current rectification deadline (ISO). */
      deadline: string;
      closedAt: string | null;
    };

export const initialHiddenHazardState: HiddenHazardState = { status: 'none' };

export function evolveHiddenHazard(state: HiddenHazardState, event: HiddenHazardEvent): HiddenHazardState {
  if (event.type === 'HiddenHazardRecorded') {
    const d = event.data;
    return {
      status: 'rectifying',
      hiddenHazardId: d.hiddenHazardId,
      jurisdiction: d.jurisdiction,
      grade: d.grade,
      supervision: null,
      round: 1,
      deadline: d.rectification.deadline,
      closedAt: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'HiddenHazardSupervised':
      return { ...state, supervision: { level: event.data.level, jurisdiction: event.data.jurisdiction } };
    case 'HiddenHazardRectified':
      return { ...state, status: 'rectified' };
    case 'HiddenHazardVerified':
      return event.data.passed
        ? { ...state, status: 'verified' }
        : {
            ...state,
            status: 'rectifying',
            round: state.round + 1,
            deadline: event.data.deadline ?? state.deadline,
          };
    case 'HiddenHazardDeadlineExtended':
      return { ...state, deadline: event.data.deadline };
    case 'HiddenHazardClosed':
      return { ...state, status: 'closed', closedAt: event.data.at };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}
