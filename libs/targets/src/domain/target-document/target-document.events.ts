import { EventRegistry } from '@app/event-sourcing/events';
import type { TargetDenominators, TargetRecordedFigures, TargetSpec } from './target-document.types';

/**
 * The whole document as set (下达): a PUT replaces every target and both denominators at once, so one event type
 * carries the full content and a reader never has to merge partial changes.
 */
export interface TargetsSet {
  type: 'TargetsSet';
  data: {
    jurisdiction: string;
    year: number;
    targets: TargetSpec[];
    denominators: TargetDenominators;
    /**
     * The year's official figures as entered. Optional because events appended before figures could be entered lack
     * it; those read as "nothing entered" (`noRecordedFigures`). An added optional field that reads as absent needs no
     * upcaster and no new schema version (docs/adr/0010): every old event means exactly what it meant.
     */
    recorded?: TargetRecordedFigures;
    setAt: string;
  };
}

export type TargetDocumentEvent = TargetsSet;

/** Every TargetDocumentEvent type with its schema version (1: no upcasters so far). */
export const targetDocumentEvents = EventRegistry.of<TargetDocumentEvent>({
  TargetsSet: {},
});
