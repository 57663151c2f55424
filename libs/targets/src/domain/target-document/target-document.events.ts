import { EventRegistry } from '@app/event-sourcing/events';
import type { TargetDenominators, TargetSpec } from './target-document.types';

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
    setAt: string;
  };
}

export type TargetDocumentEvent = TargetsSet;

/** Every TargetDocumentEvent type with its schema version (1: no upcasters so far). */
export const targetDocumentEvents = EventRegistry.of<TargetDocumentEvent>({
  TargetsSet: {},
});
