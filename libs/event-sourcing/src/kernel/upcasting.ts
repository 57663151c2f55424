import type { EventToAppend, RecordedEvent } from '@app/event-store';
import { UNKNOWN_EVENT_TYPE, type DomainEvent, type Upcasters } from './decider';

export type { Upcasters } from './decider';

export function upcast(recorded: RecordedEvent, upcasters: Upcasters | undefined): DomainEvent {
  // A registry's upcasters name every type it knows (see EventRegistry.upcasters): any other type is left out of the fold.
  if (upcasters && COMPLETE in upcasters && !Object.hasOwn(upcasters, recorded.type)) {
    return { type: recorded.type, data: recorded.data, [UNKNOWN_EVENT_TYPE]: true } as DomainEvent;
  }
  let data = recorded.data;
  let version = recorded.metadata.schemaVersion ?? 1;
  const steps = upcasters?.[recorded.type];
  while (steps?.[version]) {
    data = steps[version]!(data);
    version++;
  }
  return { type: recorded.type, data };
}

/** Set on upcasters built by a registry: they list every known type, so a type missing from them is unknown. */
const COMPLETE = Symbol('every known type');

/** The schema version an event of `type` is written with now: one past its last upcaster (1 when it has none). */
export function currentSchemaVersion(type: string, upcasters: Upcasters | undefined): number {
  const steps = Object.keys(upcasters?.[type] ?? {}).map(Number);
  return steps.length === 0 ? 1 : Math.max(...steps) + 1;
}

/**
 * Stamps each envelope with its type's current schema version, so that a reader knows which upcasters an event still
 * needs. Without it a type that moved to version 2 would keep being written as version 1 and upcast a second time.
 */
export function stampSchemaVersions(envelopes: EventToAppend[], upcasters: Upcasters | undefined): EventToAppend[] {
  if (!upcasters) return envelopes;
  return envelopes.map((e) => ({
    ...e,
    metadata: { ...e.metadata, schemaVersion: currentSchemaVersion(e.type, upcasters) },
  }));
}

/** A recorded event whose type and data are one of `E`'s (after upcasting), with its position and metadata. */
export type Recorded<E extends DomainEvent> = E extends DomainEvent
  ? Omit<RecordedEvent, 'type' | 'data'> & { readonly type: E['type']; readonly data: E['data'] }
  : never;

/**
 * How one event type evolved: `upcasters[i]` lifts the data of version i + 1 to version i + 2, so the current
 * version is `upcasters.length + 1`. Written as a list so a gap in the chain cannot be declared.
 */
export interface EventSchema {
  readonly upcasters?: readonly ((data: never) => unknown)[];
}

/** An event stored by a newer release than this one (a rolling upgrade): this code cannot read it yet. */
export class EventFromNewerSchemaError extends Error {
  constructor(type: string, stored: number, known: number) {
    super(`${type} is stored as schema version ${stored}; this release reads up to version ${known}`);
  }
}

/**
 * The event types of one aggregate (or a union of several, for a reader that follows more than one category), each
 * with its schema version and upcasters. `read` is the one way to turn a recorded event into a typed one: it upcasts
 * old versions and answers undefined for a type it does not know, so every reader can skip those instead of failing.
 */
export class EventRegistry<E extends DomainEvent> {
  private constructor(private readonly schemas: ReadonlyMap<string, EventSchema>) {}

  /** Declares every type of `E` (the mapped type makes a forgotten type a compile error). */
  static of<E extends DomainEvent>(schemas: { readonly [K in E['type']]: EventSchema }): EventRegistry<E> {
    return new EventRegistry<E>(new Map(Object.entries<EventSchema>(schemas)));
  }

  /** One registry for a reader of several aggregates' events (e.g. the board: incidents and warehouses). */
  static union<A extends DomainEvent, B extends DomainEvent>(
    a: EventRegistry<A>,
    b: EventRegistry<B>,
  ): EventRegistry<A | B> {
    return new EventRegistry<A | B>(new Map([...a.schemas, ...b.schemas]));
  }

  /** The same registry restricted to some types (a reader that applies only a few of an aggregate's events). */
  only<T extends E['type']>(...types: T[]): EventRegistry<Extract<E, { type: T }>> {
    return new EventRegistry(new Map(types.map((t) => [t, this.schemas.get(t)!] as const)));
  }

  get types(): readonly string[] {
    return [...this.schemas.keys()];
  }

  knows(type: string): boolean {
    return this.schemas.has(type);
  }

  versionOf(type: string): number {
    return (this.schemas.get(type)?.upcasters?.length ?? 0) + 1;
  }

  /** The upcasters in the shape `load()` takes (a decider declares `upcasters: registry.upcasters`). */
  get upcasters(): Upcasters {
    const result: Record<string, Record<number, (data: unknown) => unknown>> = {};
    for (const [type, schema] of this.schemas) {
      result[type] = Object.fromEntries(
        (schema.upcasters ?? []).map((step, i) => [i + 1, step as (data: unknown) => unknown]),
      );
    }
    Object.defineProperty(result, COMPLETE, { value: true, enumerable: false });
    return result;
  }

  /** The event in its current shape, or undefined for a type this registry does not know. */
  read(recorded: RecordedEvent): Recorded<E> | undefined {
    const schema = this.schemas.get(recorded.type);
    if (!schema) return undefined;
    const stored = recorded.metadata.schemaVersion ?? 1;
    const known = this.versionOf(recorded.type);
    if (stored > known) throw new EventFromNewerSchemaError(recorded.type, stored, known);
    let data = recorded.data;
    for (let version = stored; version < known; version++) data = schema.upcasters![version - 1]!(data as never);
    return (data === recorded.data ? recorded : { ...recorded, data }) as unknown as Recorded<E>;
  }

  /** `read` over a list, leaving out the unknown types. */
  readAll(recorded: readonly RecordedEvent[]): Recorded<E>[] {
    return recorded.flatMap((r) => {
      const event = this.read(r);
      return event ? [event] : [];
    });
  }
}
