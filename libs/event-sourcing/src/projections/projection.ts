import type { EntityManager } from 'typeorm';
import type { GlobalFilter, RecordedEvent } from '@app/event-store';
import type { LiveDelta } from './live-delta';

/**
 * A projection = a name, a filter, and a handler that writes read-model rows through TypeORM inside the
 * runner's transaction. It returns the live deltas to publish once that transaction has committed.
 */
export interface Projection {
  readonly name: string;
  readonly filter: GlobalFilter;
  apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<LiveDelta[]>;
  /** Empties the read model for a rebuild. */
  reset(manager: EntityManager): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');
