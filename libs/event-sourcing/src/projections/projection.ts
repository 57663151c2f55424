import type { EntityManager } from 'typeorm';
import type { GlobalFilter } from '@app/event-store';
import type { DomainEvent } from '../kernel/decider';
import type { EventRegistry, Recorded } from '../kernel/upcasting';
import type { LiveDelta } from './live-delta';

/**
 * A projection = a name, a filter, the event types it applies, and a handler that writes read-model rows through
 * TypeORM inside the runner's transaction. It returns the live deltas to publish once that transaction has committed.
 */
export interface Projection<E extends DomainEvent = DomainEvent> {
  readonly name: string;
  readonly filter: GlobalFilter;
  /**
   * The event types it applies, with their upcasters. The runner hands `apply` only these, in their current shape;
   * an event of any other type that matches the filter (a type added by a newer release, or one this projection has
   * no use for) is skipped, and the checkpoint moves past it.
   */
  readonly events: EventRegistry<E>;
  apply(events: readonly Recorded<E>[], manager: EntityManager): Promise<LiveDelta[]>;
  /** Empties the read model for a rebuild. */
  reset(manager: EntityManager): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');
