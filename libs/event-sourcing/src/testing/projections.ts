import { randomUUID } from 'node:crypto';
import { DataSource, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { categoryOf, PostgresEventStore, type EventStore, type RecordedEvent } from '@app/event-store';
import { ManualClock } from '@app/shared';
import { createTestDatabase } from '../../../../test/support/test-database';
import type { DomainEvent } from '../kernel/decider';
import type { LiveDelta, LiveDeltaPayloads } from '../projections/live-delta';
import { LiveDeltaBus } from '../projections/live-delta';
import type { Projection } from '../projections/projection';
import { ProjectionRunner } from '../projections/projection-runner';

/**
 * Given events → rows, for a projection or a process manager, run the way production runs them: the events are
 * appended to the real PostgreSQL event store and the real projection runner applies them (filter, upcasting, one
 * transaction with the checkpoint); the spec then reads the rows, or the streams a process manager wrote to.
 *
 * Each spec gets a database of its own (migrated, reached as the least-privileged application role): a runner there
 * starts at the beginning of an empty store, so no other suite's events reach the projection under test, and its
 * process managers cannot act on another suite's streams.
 */
export interface ProjectionSpecDeps {
  readonly store: EventStore;
  /** Fixed time for the commands a process manager runs (`clock.set` to move it). */
  readonly clock: ManualClock;
}

export interface ProjectionSpecOptions {
  /** The projections (and process managers) under test, built on the spec's store and clock. */
  projections(deps: ProjectionSpecDeps): Projection[];
  /** The TypeORM entities their rows use. */
  entities: EntityTarget<ObjectLiteral>[];
}

/** What an event carries besides its type and data: the aggregate's scope, as command handling stamps it. */
export interface GivenScope {
  jurisdiction?: string;
  drillId?: string;
  /** Who appended it, as command handling records it (`projection-spec`, a system actor, unless given). */
  actorId?: string;
  actorName?: string;
  /** A signed-in person's roles (requests carry them; processes and schedulers do not). */
  actorRoles?: string[];
  /** The person a process manager acted for. */
  onBehalfOfId?: string;
  onBehalfOfName?: string;
}

export class ProjectionSpec {
  /** Live deltas the projections returned, in order (what the console would have been sent). */
  readonly deltas: LiveDelta[] = [];

  private constructor(
    readonly dataSource: DataSource,
    readonly store: PostgresEventStore,
    readonly clock: ManualClock,
    private readonly runner: ProjectionRunner,
    private readonly projections: Projection[],
    private readonly drop: () => Promise<void>,
  ) {}

  static async start(options: ProjectionSpecOptions): Promise<ProjectionSpec> {
    const database = await createTestDatabase();
    const dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      entities: options.entities as never[],
    }).initialize();
    const store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 20, log: () => undefined });
    const clock = new ManualClock(new Date('2026-11-23T03:00:00Z'));
    const projections = options.projections({ store, clock });
    const bus = new LiveDeltaBus();
    const runner = new ProjectionRunner(dataSource, store, projections, bus, {
      retryDelayMs: 50,
      lockRetryMs: 100,
      log: () => undefined,
    });
    const spec = new ProjectionSpec(dataSource, store, clock, runner, projections, () => database.drop());
    bus.deltas.subscribe((delta) => spec.deltas.push(delta));
    runner.start();
    return spec;
  }

  /**
   * Appends the events to the stream (after whatever it holds) and waits until every projection under test whose
   * filter takes them has applied them; returns them as recorded.
   */
  async given(streamName: string, events: readonly DomainEvent[], scope: GivenScope = {}): Promise<RecordedEvent[]> {
    const ids = events.map(() => randomUUID());
    const envelopes = events.map((event, i) => ({
      id: ids[i]!,
      type: event.type,
      data: event.data,
      metadata: {
        correlationId: ids[0]!,
        causationId: ids[0]!,
        actorId: 'projection-spec',
        occurredAt: this.clock.now().toISOString(),
        schemaVersion: this.schemaVersionOf(event.type),
        ...scope,
      },
    }));
    await this.store.append(streamName, envelopes, 'any');
    const wanted = new Set<string>(ids);
    const recorded = (await this.store.readStream(streamName)).filter((e) => wanted.has(e.id));
    // A runner knows only the positions its filter lets through: wait for the last event each projection takes.
    for (const projection of this.projections) {
      const last = recorded.filter((e) => takes(projection, streamName, e.type)).at(-1);
      if (last && !(await this.runner.waitFor(projection.name, last.position, 15_000)))
        throw new Error(`${projection.name} did not catch up`);
    }
    return recorded;
  }

  /** Rows of an entity, optionally filtered. */
  rows<T extends ObjectLiteral>(entity: EntityTarget<T>, where: FindOptionsWhere<T> = {}): Promise<T[]> {
    return this.dataSource.getRepository(entity).findBy(where);
  }

  /** The events of a stream, as `{ type, data }` (what a process manager caused). */
  async stream(streamName: string): Promise<DomainEvent[]> {
    return (await this.store.readStream(streamName).catch(() => [])).map((e) => ({ type: e.type, data: e.data }));
  }

  /**
   * Hands already applied events to a projection once more, in a transaction of their own, as a redelivery would
   * (a crash after the handler, before the checkpoint): for projections that claim to be idempotent.
   */
  async reapply(projectionName: string, recorded: readonly RecordedEvent[]): Promise<LiveDelta[]> {
    const projection = this.projections.find((p) => p.name === projectionName);
    if (!projection) throw new Error(`no projection ${projectionName}`);
    return this.dataSource.transaction((manager) => projection.apply(projection.events.readAll(recorded), manager));
  }

  async stop(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
    await this.dataSource.destroy();
    await this.drop();
  }

  private schemaVersionOf(type: string): number {
    const known = this.projections.find((p) => p.events.knows(type));
    return known ? known.events.versionOf(type) : 1;
  }
}

/**
 * The deltas of a test projection that has no view of its own: one per event, under a name the console knows. The
 * runner never looks inside `data`, so the event's id stands in for the payload.
 */
export function eventIdDeltas(events: readonly RecordedEvent[]): LiveDelta[] {
  return events.map((e) => ({
    name: 'incident.changed',
    position: `${e.position.commit}/${e.position.prepare}`,
    scope: {},
    data: e.id as unknown as LiveDeltaPayloads['incident.changed'],
  }));
}

/** Whether a projection's global filter lets an event of this stream and type through (as the store applies it). */
function takes(projection: Projection, streamName: string, type: string): boolean {
  const filter = projection.filter;
  if (filter.kind === 'category') return filter.categories.includes(categoryOf(streamName));
  return filter.prefixes.some((prefix) => type.startsWith(prefix));
}

export { decidedEvents, projectLiveAndRebuilt, type ProjectedTables } from './rebuild-equality';
export { describeSnapshotRoundTrip, seededRandom } from './snapshot-round-trip';
