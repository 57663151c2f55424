import type { TargetDocumentEvent } from './target-document.events';
import {
  noRecordedFigures,
  type TargetDenominators,
  type TargetRecordedFigures,
  type TargetSpec,
} from './target-document.types';

export type TargetDocumentState =
  | { status: 'none' }
  | {
      status: 'set';
      jurisdiction: string;
      year: number;
      targets: TargetSpec[];
      denominators: TargetDenominators;
      recorded: TargetRecordedFigures;
      setAt: string;
    };

export const initialTargetDocumentState: TargetDocumentState = { status: 'none' };

export function evolveTargetDocument(_state: TargetDocumentState, event: TargetDocumentEvent): TargetDocumentState {
  switch (event.type) {
    case 'TargetsSet':
      return { status: 'set', ...event.data, recorded: event.data.recorded ?? noRecordedFigures() };
    default: {
      const unknownEvent: never = event.type;
      return unknownEvent;
    }
  }
}
