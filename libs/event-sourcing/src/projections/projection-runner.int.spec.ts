import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { PostgresEventStore, type RecordedEvent } from '@app/event-store';
import { EventRegistry, LiveDeltaBus, type DomainEvent, type LiveDelta } from '../index';
import { ProjectionRunner } from './projection-runner';
import { eventIdDeltas } from '../testing/projections';
import type { Projection } from './projection';

/**
 * A projection whose read model counts how often each event was applied: a double apply shows as 2, a lost
 * event as a missing row. `sabotage` runs inside the batch transaction to simulate a crash mid-batch.
 */
class CountingProjection implements Projection {
  readonly filter;
  readonly events = EventRegistry.of<DomainEvent<'TestHappened'>>({ TestHappened: {} });
  sabotage: ((event: RecordedEvent, manager: EntityManager) => Promise<void>) | undefined;

  constructor(
    readonly name: string,
    category: string,
  ) {
    this.filter = { kind: 'category', categories: [category] } as const;
  }

  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<LiveDelta[]> {
    for (const event of events) {
      await manager.query(
        `insert into test_projection_counts (projection, event_id, applied) values ($1, $2, 1)
         on conflict (projection, event_id) do update set applied = test_projection_counts.applied + 1`,
        [this.name, event.id],
      );
      await this.sabotage?.(event, manager);
    }
    return eventIdDeltas(events);
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`delete from test_projection_counts where projection = $1`, [this.name]);
  }
}

describe('projection runner: crash safety', () => {
  const url = process.env.DATABASE_URL!;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const runners: ProjectionRunner[] = [];

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'postgres', url }).initialize();
    await dataSource.query(
      `create table if not exists test_projection_counts (projection text, event_id uuid, applied int, primary key (projection, event_id))`,
    );
    store = new PostgresEventStore({ connectionString: url, pollIntervalMs: 50, log: () => undefined });
  });
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await store.close();
    await dataSource.destroy();
  });

  function runner(projection: Projection, bus = new LiveDeltaBus()): ProjectionRunner {
    const created = new ProjectionRunner(dataSource, store, [projection], bus, {
      batchSize: 25,
      retryDelayMs: 50,
      lockRetryMs: 100,
      log: () => undefined,
    });
    runners.push(created);
    return created;
  }

  async function appendEvents(category: string, count: number): Promise<RecordedEvent['position']> {
    let last;
    for (let i = 0; i < count; i += 10) {
      const batch = Array.from({ length: Math.min(10, count - i) }, (_, k) => ({
        id: randomUUID(),
        type: 'TestHappened',
        data: { n: i + k },
        metadata: {
          correlationId: 'c',
          causationId: 'c',
          actorId: 'test',
          occurredAt: new Date().toISOString(),
          schemaVersion: 1,
        },
      }));
      last = (await store.append(`${category}-${randomUUID()}`, batch, 'no_stream')).position;
    }
    return last!;
  }

  async function counts(name: string): Promise<number[]> {
    const rows: { applied: number }[] = await dataSource.query(
      `select applied from test_projection_counts where projection = $1`,
      [name],
    );
    return rows.map((r) => r.applied);
  }

  const fresh = () => {
    const category = `pr${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    return { category, name: `test-${category}` };
  };

  it('a connection killed mid-batch rolls the batch back; after the restart nothing is missing or doubled', async () => {
    const { category, name } = fresh();
    const last = await appendEvents(category, 120);
    const projection = new CountingProjection(name, category);
    let crashes = 0;
    projection.sabotage = async (_, manager) => {
      // Crash the session in the middle of the third batch, twice: the transaction dies with its connection.
      const [{ applied }] = (await manager.query(
        `select count(*)::int as applied from test_projection_counts where projection = $1`,
        [name],
      )) as { applied: number }[];
      if (applied === 60 && crashes < 2) {
        crashes++;
        await manager.query('select pg_terminate_backend(pg_backend_pid())');
      }
    };
    const r = runner(projection);
    r.start();
    expect(await r.waitFor(name, last, 20_000)).toBe(true);
    expect(crashes).toBe(2);
    const applied = await counts(name);
    expect(applied).toHaveLength(120);
    expect(applied.every((n) => n === 1)).toBe(true);
  });

  it('events appended while no runner was alive are projected after the restart, once', async () => {
    const { category, name } = fresh();
    const firstHalf = await appendEvents(category, 40);
    const before = runner(new CountingProjection(name, category));
    before.start();
    expect(await before.waitFor(name, firstHalf, 10_000)).toBe(true);
    await before.stop(); // the process "dies" here: later appends have no projector
    const secondHalf = await appendEvents(category, 60);
    expect(await counts(name)).toHaveLength(40);
    const after = runner(new CountingProjection(name, category));
    after.start();
    expect(await after.waitFor(name, secondHalf, 10_000)).toBe(true);
    const applied = await counts(name);
    expect(applied).toHaveLength(100);
    expect(applied.every((n) => n === 1)).toBe(true);
  });

  it('two runners of one projection: one owns it (advisory lock), the other takes over when it stops', async () => {
    const { category, name } = fresh();
    const busA = new LiveDeltaBus();
    const busB = new LiveDeltaBus();
    const seenA: LiveDelta[] = [];
    const seenB: LiveDelta[] = [];
    busA.deltas.subscribe((d) => seenA.push(d));
    busB.deltas.subscribe((d) => seenB.push(d));
    const a = runner(new CountingProjection(name, category), busA);
    a.start();
    const first = await appendEvents(category, 30);
    expect(await a.waitFor(name, first, 10_000)).toBe(true);
    const b = runner(new CountingProjection(name, category), busB);
    b.start();
    const second = await appendEvents(category, 30);
    expect(await a.waitFor(name, second, 10_000)).toBe(true);
    expect(seenB).toHaveLength(0);
    await a.stop();
    const third = await appendEvents(category, 30);
    expect(await b.waitFor(name, third, 10_000)).toBe(true);
    expect(seenA).toHaveLength(60);
    expect(seenB).toHaveLength(30);
    const applied = await counts(name);
    expect(applied).toHaveLength(90);
    expect(applied.every((n) => n === 1)).toBe(true);
  });

  it('rebuild drops the read model, resets the checkpoint and replays everything with progress', async () => {
    const { category, name } = fresh();
    const last = await appendEvents(category, 80);
    const r = runner(new CountingProjection(name, category));
    r.start();
    expect(await r.waitFor(name, last, 10_000)).toBe(true);
    const progress: number[] = [];
    const replayed = await r.rebuild(name, (applied) => progress.push(applied));
    expect(replayed).toBe(80);
    expect(progress.length).toBeGreaterThan(0);
    const applied = await counts(name);
    expect(applied).toHaveLength(80);
    expect(applied.every((n) => n === 1)).toBe(true);
  });
});
