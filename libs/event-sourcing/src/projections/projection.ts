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
  /**
   * Applies a batch. `context.live` is false while a rebuild replays history: nobody waits for those deltas (the
   * consoles saw them when the events were new), so a projection may skip building them and return [].
   */
  apply(events: readonly Recorded<E>[], manager: EntityManager, context?: ApplyContext): Promise<LiveDelta[]>;
  /** Empties the read model for a rebuild. */
  reset(manager: EntityManager): Promise<void>;
}

/** What the runner tells a projection about the batch it hands over. */
export interface ApplyContext {
  /** Whether the batch's deltas will be published to consoles (false during a rebuild's replay). */
  readonly live: boolean;
}

/** The context of a batch applied in live operation (the default when a caller passes none). */
export const LIVE: ApplyContext = { live: true };

export const PROJECTIONS = Symbol('PROJECTIONS');
