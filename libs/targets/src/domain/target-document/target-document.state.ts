import type { TargetDocumentEvent } from './target-document.events';
import type { TargetDenominators, TargetSpec } from './target-document.types';

export type TargetDocumentState =
  | { status: 'none' }
  | {
      status: 'set';
      jurisdiction: string;
      year: number;
      targets: TargetSpec[];
      denominators: TargetDenominators;
      setAt: string;
    };

export const initialTargetDocumentState: TargetDocumentState = { status: 'none' };

export function evolveTargetDocument(_state: TargetDocumentState, event: TargetDocumentEvent): TargetDocumentState {
  switch (event.type) {
    case 'TargetsSet':
      return { status: 'set', ...event.data };
    default: {
      const unknownEvent: never = event.type;
      return unknownEvent;
    }
  }
}
