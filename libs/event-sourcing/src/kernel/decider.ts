import type { Snapshotting } from './snapshots';

/**
 * The decide/evolve kernel (README, Tests). A domain event is a plain `{ type, data }` with a string-literal
 * type; `decide` is pure (time and settings come inside the command), so a version conflict can simply re-run it.
 */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/**
 * Old event shapes are upcast by plain functions keyed by the stored type and schema version; the stored type name
 * stays the same (docs/adr/0010-events-that-evolve.md). An upcaster returns the data in the next schema version's shape.
 */
export type Upcasters = Readonly<Record<string, Readonly<Record<number, (data: unknown) => unknown>>>>;

export interface Decider<C, E extends DomainEvent, S> {
  readonly initialState: S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S): E[];
  /** Metadata every event of this aggregate carries (its jurisdiction, its drill), read from the state. */
  scopeOf?(state: S): { jurisdiction?: string; drillId?: string };
  /** The error for an aggregate the actor may not see; thrown instead of revealing that it exists. */
  notFound?(): Error;
  /** Long-lived aggregates load from a snapshot plus the events after it. */
  snapshotting?: Snapshotting;
  /** Old shapes of its events lifted to the current ones on load (an aggregate's registry provides them). */
  readonly upcasters?: Upcasters;
}

/**
 * Marks an event whose type the aggregate's registry does not know (written by a newer release, or by hand): `load`
 * keeps it in place, so positions in the list still match the stream, and `fold` passes over it.
 */
export const UNKNOWN_EVENT_TYPE = Symbol('unknown event type');

export function fold<E extends DomainEvent, S>(
  decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
  events: readonly E[],
  from?: S,
): S {
  return events.reduce(
    (state, event) => (UNKNOWN_EVENT_TYPE in event ? state : decider.evolve(state, event)),
    from ?? decider.initialState,
  );
}

/**
 * The `default` of a decide or evolve `switch` over a closed union: the compiler proves it unreachable, and a value
 * that still arrives (a command type a newer caller invented) fails loudly instead of being returned as a result.
 */
export function unknownCase(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

/** A decider whose upcasters come from its aggregate's event registry (the one place its event types are declared). */
export function defineDecider<C, E extends DomainEvent, S>(
  declaration: Omit<Decider<C, E, S>, 'upcasters'> & { events: { readonly upcasters: Upcasters } },
): Decider<C, E, S> {
  const { events, ...decider } = declaration;
  return { ...decider, upcasters: events.upcasters };
}
