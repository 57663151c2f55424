import type { EntityManager } from 'typeorm';
import { isAfter, type Position } from '@app/event-store';
import type { DomainEvent } from '../kernel/decider';
import type { Recorded } from '../kernel/upcasting';
import type { LiveDelta } from './live-delta';
import type { Projection } from './projection';

/**
 * A process manager rides on the projection runner like a projection, but its `apply` issues commands with effects
 * (a team sent back, an allocation cancelled). Its keyed steps make a redelivery harmless, yet a run from zero would
 * decide the old causes again against today's state, where a refused step (a team that had already returned) may no
 * longer be refused. So it can also be *seated*: its own tables are brought to where `apply` would have left them,
 * without a single command (docs/adr/0024-cold-start.md).
 */
export interface ProcessManager<E extends DomainEvent = DomainEvent> extends Projection<E> {
  readonly kind: 'process-manager';
  /** Writes its own tables for these events exactly as `apply` does, and issues no command. */
  seat(events: readonly Recorded<E>[], manager: EntityManager): Promise<void>;
}

export function isProcessManager(projection: Projection): projection is ProcessManager {
  return (projection as Partial<ProcessManager>).kind === 'process-manager';
}

/**
 * The process manager for a rebuild or a restore: events up to `upTo` (what it had handled before, its old checkpoint
 * or the head of a restored log) only rebuild its tables; events after it are handled as usual, steps included, so
 * nothing it still owed is lost and nothing it did is done again. Same name and filter: the runner treats it as the
 * process manager itself (its checkpoint, its lock).
 */
export function seatedUpTo<E extends DomainEvent>(
  processManager: ProcessManager<E>,
  upTo: Position | undefined,
): ProcessManager<E> {
  return {
    kind: 'process-manager',
    name: processManager.name,
    filter: processManager.filter,
    events: processManager.events,
    reset: (manager) => processManager.reset(manager),
    seat: (events, manager) => processManager.seat(events, manager),
    async apply(events: readonly Recorded<E>[], manager: EntityManager): Promise<LiveDelta[]> {
      const seated = upTo ? events.filter((e) => !isAfter(e.position, upTo)) : [];
      if (seated.length > 0) await processManager.seat(seated, manager);
      const rest = events.slice(seated.length);
      return rest.length > 0 ? processManager.apply(rest, manager) : [];
    },
  };
}
