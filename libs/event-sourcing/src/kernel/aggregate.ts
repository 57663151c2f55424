import type { Decider, DomainEvent } from './decider';
import type { Upcasters } from './upcasting';

/**
 * An aggregate declared once: how its commands are decided, where its events live, and which read models a caller
 * reads right after one of its commands. The command executor needs nothing else to run any of its commands, so no
 * context keeps its own copy of the load–decide–append loop (docs/adr/0012-one-write-path.md).
 */
export interface AggregateType<C, E extends DomainEvent, S> {
  /** The stream category, also the aggregate's name in logs and metrics: `incident`, `team`, `warehouse`… */
  readonly category: string;
  readonly decider: Decider<C, E, S> & { upcasters?: Upcasters };
  /** The projections whose rows the HTTP answer (and the caller's next query) is built from: read-your-writes. */
  readonly readModels: readonly string[];
  /** The collection its records are read from over HTTP (`incidents` → `/incidents/<id>`), for a 202's Location. */
  readonly resource?: string;
  /**
   * Set on aggregates that may be drill data (incidents, warnings): every command but the creating one is checked
   * against the drill rules (docs/security.md, "演练数据") before it is decided.
   */
  readonly drillData?: {
    readonly kind: 'incident' | 'warning';
    /** The event type that creates the aggregate; its data carries `jurisdiction` and `drillId?`. */
    readonly createdBy: string;
    /** The command type that creates the aggregate (checked by its own handler instead). */
    readonly createdWith: string;
  };
}

export interface DeclaredAggregate<C, E extends DomainEvent, S> extends AggregateType<C, E, S> {
  streamOf(id: string): string;
}

/** Category → HTTP collection of every declared aggregate, to say where a stream's record is read. */
const resources = new Map<string, string>();

/** Declares an aggregate; its streams are named `<category>-<id>`. */
export function defineAggregate<C, E extends DomainEvent, S>(type: AggregateType<C, E, S>): DeclaredAggregate<C, E, S> {
  if (type.resource) resources.set(type.category, type.resource);
  return { ...type, streamOf: (id: string) => `${type.category}-${id}` };
}

/** Where the record of a stream (`incident-<id>`) is read over HTTP (`/incidents/<id>`), if its aggregate says. */
export function locationOfStream(streamName: string): { category: string; id: string; location?: string } {
  const dash = streamName.indexOf('-');
  const category = dash < 0 ? streamName : streamName.slice(0, dash);
  const id = dash < 0 ? '' : streamName.slice(dash + 1);
  const resource = resources.get(category);
  return { category, id, ...(resource ? { location: `/${resource}/${id}` } : {}) };
}
