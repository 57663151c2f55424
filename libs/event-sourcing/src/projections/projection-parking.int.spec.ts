import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { PostgresEventStore, type Position } from '@app/event-store';
import {
  EventRegistry,
  handleCommand,
  LiveDeltaBus,
  load,
  type Decider,
  type DomainEvent,
  type LiveDelta,
  type Recorded,
} from '../index';
import { ProjectionRunner } from './projection-runner';
import { eventIdDeltas } from '../testing/projections';
import type { Projection } from './projection';
import type { ProcessManager } from './process-manager';

/**
 * `Counted` is at version 2: version 1 had no `unit`, which the upcaster fills with 'piece' (the only unit there was).
 * `Noted` is a second type the projection also applies.
 */
type Counted = DomainEvent<'Counted', { n: number; unit: string }>;
type Noted = DomainEvent<'Noted', { text: string }>;
type TestEvent = Counted | Noted;
const testEvents = EventRegistry.of<TestEvent>({
  Counted: { upcasters: [(v1: { n: number }) => ({ ...v1, unit: 'piece' })] },
  Noted: {},
});

/** Writes one row per event; a `Counted` whose n is not an integer is refused by the table (a poison event). */
class LedgerProjection implements Projection<TestEvent> {
  readonly filter;
  readonly events = testEvents;
  /** Set by a test to accept what the table refused before (the "fix" an operator deploys before retrying). */
  lenient = false;

  constructor(
    readonly name: string,
    category: string,
  ) {
    this.filter = { kind: 'category', categories: [category] } as const;
  }

  async apply(events: readonly Recorded<TestEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    for (const event of events) {
      const value =
        event.type === 'Counted' ? (this.lenient ? Math.round(Number(event.data.n)) || 0 : event.data.n) : null;
      await manager.query(`insert into test_ledger (projection, event_id, type, n, unit) values ($1, $2, $3, $4, $5)`, [
        this.name,
        event.id,
        event.type,
        value,
        event.type === 'Counted' ? event.data.unit : event.data.text,
      ]);
    }
    return eventIdDeltas(events);
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`delete from test_ledger where projection = $1`, [this.name]);
  }
}

/**
 * A process manager whose step (a command, here a refused insert) fails for a `Counted` of a negative n; its own table
 * of facts (`seat`) takes every event, as a process manager's facts do (a team's name, an incident's close).
 */
class StepsProcess extends LedgerProjection implements ProcessManager<TestEvent> {
  readonly kind = 'process-manager';
  /** The events whose steps ran (apply), as opposed to those only seated. */
  readonly stepped: string[] = [];

  override async apply(events: readonly Recorded<TestEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    for (const event of events) {
      this.stepped.push(event.id);
      if (event.type === 'Counted' && event.data.n < 0) throw new Error('the step was refused');
      await this.seat([event], manager);
    }
    return [];
  }

  async seat(events: readonly Recorded<TestEvent>[], manager: EntityManager): Promise<void> {
    for (const event of events)
      await manager.query(
        `insert into test_ledger (projection, event_id, type, n, unit) values ($1, $2, $3, null, 'fact')
         on conflict do nothing`,
        [this.name, event.id, event.type],
      );
  }
}

describe('projection runner: unknown types, poison events and old versions', () => {
  const url = process.env.DATABASE_URL!;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const runners: ProjectionRunner[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'postgres', url }).initialize();
    await dataSource.query(
      `create table if not exists test_ledger (projection text, event_id uuid, type text, n int, unit text, primary key (projection, event_id))`,
    );
    store = new PostgresEventStore({ connectionString: url, pollIntervalMs: 50, log: () => undefined });
  });
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await store.close();
    await dataSource.destroy();
  });

  function runner(projection: Projection<TestEvent>): ProjectionRunner {
    const created = new ProjectionRunner(dataSource, store, [projection], new LiveDeltaBus(), {
      batchSize: 50,
      retryDelayMs: 50,
      lockRetryMs: 100,
      attemptDelayMs: 10,
      maxAttempts: 3,
      log: (m) => logged.push(m),
    });
    runners.push(created);
    return created;
  }

  const fresh = () => {
    const category = `pk${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    return { category, name: `test-${category}` };
  };

  async function append(
    stream: string,
    type: string,
    data: unknown,
    schemaVersion = 1,
  ): Promise<{ id: string; position: Position }> {
    const id = randomUUID();
    const metadata = {
      correlationId: 'c',
      causationId: 'c',
      actorId: 'test',
      occurredAt: new Date().toISOString(),
      schemaVersion,
    };
    const { position } = await store.append(stream, [{ id, type, data, metadata }], 'any');
    return { id, position };
  }

  const ledger = async (name: string) =>
    (await dataSource.query(`select event_id as id, type, n, unit from test_ledger where projection = $1`, [name])) as {
      id: string;
      type: string;
      n: number | null;
      unit: string;
    }[];

  it('an event of a type the projection does not know is skipped: later events apply, nothing is parked', async () => {
    const { category, name } = fresh();
    const stream = `${category}-${randomUUID()}`;
    const r = runner(new LedgerProjection(name, category));
    r.start();
    const first = await append(stream, 'Counted', { n: 1, unit: 'kg' }, 2);
    // An unfamiliar type in the known category, with none of the fields the projection writes.
    const unknown = await append(stream, 'SomethingNew', { other: true });
    const last = await append(stream, 'Noted', { text: 'after' });
    expect(await r.waitFor(name, last.position, 10_000)).toBe(true);
    const rows = await ledger(name);
    expect(rows.map((x) => x.id).sort()).toEqual([first.id, last.id].sort());
    expect(rows.some((x) => x.id === unknown.id)).toBe(false);
    expect(await r.parked(name)).toEqual([]);
    expect((await r.parkedCounts()).get(name)).toBeUndefined();
  });

  it('a poison event in a batch is retried alone, parked after three attempts, and the events around it apply', async () => {
    const { category, name } = fresh();
    const stream = `${category}-${randomUUID()}`;
    const projection = new LedgerProjection(name, category);
    const r = runner(projection);
    const before: string[] = [];
    for (let i = 0; i < 5; i++) before.push((await append(stream, 'Counted', { n: i, unit: 'kg' }, 2)).id);
    const poison = await append(stream, 'Counted', { n: 'not a number', unit: 'kg' }, 2);
    const after: string[] = [];
    let last: Position | undefined;
    for (let i = 0; i < 5; i++) {
      const appended = await append(stream, 'Counted', { n: 10 + i, unit: 'kg' }, 2);
      after.push(appended.id);
      last = appended.position;
    }
    // Started after the appends, so the eleven events arrive as one batch and the poison one must be isolated.
    r.start();
    // A command waiting (read-your-writes) on a position after the poison event is answered, not left to time out.
    expect(await r.waitFor(name, last!, 10_000)).toBe(true);
    const rows = await ledger(name);
    expect(rows.map((x) => x.id).sort()).toEqual([...before, ...after].sort());
    const parked = await r.parked(name);
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({
      projection: name,
      eventId: poison.id,
      eventType: 'Counted',
      streamName: stream,
      attempts: 3,
      retriedAt: null,
    });
    expect(parked[0]!.position).toBe(`${poison.position.commit}/${poison.position.prepare}`);
    expect(parked[0]!.error).toMatch(/invalid input syntax for type integer/);
    expect((await r.parkedCounts()).get(name)).toBe(1);
    expect(logged.some((m) => m.includes(`parked Counted ${poison.id}`))).toBe(true);

    // Retried before the fix: it fails again, stays parked, and the row says so.
    expect(await r.retryParked(name, poison.id)).toMatchObject({
      applied: false,
      error: expect.stringMatching(/invalid input syntax/),
    });
    const still = await r.parked(name);
    expect(still).toHaveLength(1);
    expect(still[0]!.attempts).toBe(4);
    expect(still[0]!.retriedAt).not.toBeNull();

    // After the fix the retry applies it; it is no longer counted as parked.
    projection.lenient = true;
    expect(await r.retryParked(name, poison.id)).toEqual({ applied: true });
    expect((await ledger(name)).find((x) => x.id === poison.id)).toMatchObject({ type: 'Counted', n: 0 });
    expect(await r.parked(name)).toEqual([]);
    expect((await r.parkedCounts()).get(name)).toBeUndefined();
    const [history] = (await dataSource.query(
      `select resolved_at from parked_events where projection = $1 and event_id = $2`,
      [name, poison.id],
    )) as { resolved_at: Date | null }[];
    expect(history!.resolved_at).not.toBeNull();
    // Nothing is parked under that id any more: a second retry has nothing to do.
    expect(await r.retryParked(name, poison.id)).toBeUndefined();
  });

  it('a poison event in a catch-up page of hundreds is found by halving the page: it alone is parked', async () => {
    const { category, name } = fresh();
    const stream = `${category}-${randomUUID()}`;
    const metadata = {
      correlationId: 'c',
      causationId: 'c',
      actorId: 'test',
      occurredAt: new Date().toISOString(),
      schemaVersion: 2,
    };
    const events = Array.from({ length: 301 }, (_, i) => ({
      id: randomUUID(),
      type: 'Counted',
      data: { n: i === 150 ? 'not a number' : i, unit: 'kg' },
      metadata,
    }));
    const { position: last } = await store.append(stream, events, 'any');
    // readAll holds back what a transaction still running might precede (a previous test's batch, autovacuum): the
    // runner starts only once the whole history is readable, so its first read is one catch-up page.
    const readable = async () =>
      (await store.readAll({ filter: { kind: 'category', categories: [category] }, maxCount: 1000 })).length;
    for (let tries = 0; (await readable()) < 301 && tries < 300; tries++) await new Promise((r) => setTimeout(r, 50));
    const batches: number[] = [];
    const r = new ProjectionRunner(dataSource, store, [new LedgerProjection(name, category)], new LiveDeltaBus(), {
      batchSize: 50,
      attemptDelayMs: 10,
      maxAttempts: 3,
      log: (m) => logged.push(m),
      aroundBatch: async (_projection, batch, apply) => {
        batches.push(batch.length);
        await apply();
      },
    });
    runners.push(r);
    // Started after the appends: the history arrives as one catch-up page, larger than the live batch of 50.
    r.start();
    expect(await r.waitFor(name, last, 30_000)).toBe(true);
    expect(batches[0]).toBe(301);
    const rows = await ledger(name);
    expect(rows).toHaveLength(300);
    expect(rows.some((x) => x.id === events[150]!.id)).toBe(false);
    const parked = await r.parked(name);
    expect(parked.map((p) => p.eventId)).toEqual([events[150]!.id]);
    // Halved down to parts of at most 50 before events are tried alone: far fewer transactions than one per event.
    expect(batches.length).toBeLessThan(120);
  });

  it('a process manager keeps the facts of an event it parks: later events are decided knowing them', async () => {
    const { category, name } = fresh();
    const stream = `${category}-${randomUUID()}`;
    const processManager = new StepsProcess(name, category);
    const r = runner(processManager as Projection<TestEvent>);
    const refused = await append(stream, 'Counted', { n: -1, unit: 'kg' }, 2);
    const last = await append(stream, 'Noted', { text: 'after' });
    r.start();
    expect(await r.waitFor(name, last.position, 10_000)).toBe(true);
    expect((await r.parked(name)).map((p) => p.eventId)).toEqual([refused.id]);
    // Its steps wait for a retry, but its facts are in the table, as they would be had the step succeeded.
    expect((await ledger(name)).map((x) => x.id).sort()).toEqual([refused.id, last.id].sort());
  });

  it('a process manager listed for seating fills its tables from the store up to its checkpoint, without a step, then goes on', async () => {
    const { category, name } = fresh();
    const stream = `${category}-${randomUUID()}`;
    // Handled before an upgrade whose tables could not be filled from this database (KurrentDB held the events).
    const before = [
      await append(stream, 'Noted', { text: 'a' }),
      await append(stream, 'Counted', { n: 2, unit: 'kg' }),
    ];
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `insert into projection_checkpoints (projection, position_commit, position_prepare, store) values ($1, $2, $3, 'kurrentdb')`,
        [name, before[1]!.position.commit.toString(), before[1]!.position.prepare.toString()],
      );
      await manager.query(`insert into process_manager_seating (projection, listed_at) values ($1, now())`, [name]);
    });
    const after = await append(stream, 'Noted', { text: 'b' });
    const processManager = new StepsProcess(name, category);
    const r = runner(processManager as Projection<TestEvent>);
    r.start();
    expect(await r.waitFor(name, after.position, 10_000)).toBe(true);
    expect((await ledger(name)).map((x) => x.id).sort()).toEqual([...before.map((e) => e.id), after.id].sort());
    // Steps ran for the new event only; the old ones were seated.
    expect(processManager.stepped).toEqual([after.id]);
    expect(await dataSource.query(`select 1 from process_manager_seating where projection = $1`, [name])).toEqual([]);
    expect(logged.some((m) => m.includes(`process manager ${name}: its tables were seated`))).toBe(true);
  });

  it('a stopped runner ends the waits on it at once with false (a command then answers 202, not after its wait)', async () => {
    const { category, name } = fresh();
    const r = runner(new LedgerProjection(name, category));
    r.start();
    const beyond = { commit: 2n ** 62n, prepare: 2n ** 62n };
    const sentinel = new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 5_000));
    const waiting = r.waitFor(name, beyond, 60_000);
    await r.stop();
    expect(await Promise.race([waiting, sentinel])).toBe(false);
    expect(await Promise.race([r.waitFor(name, beyond, 60_000), sentinel])).toBe(false);
  });

  it('a rebuild replays parked events too and forgets the old parked rows', async () => {
    const { category, name } = fresh();
    const stream = `${category}-${randomUUID()}`;
    const projection = new LedgerProjection(name, category);
    const r = runner(projection);
    const poison = await append(stream, 'Counted', { n: 'x', unit: 'kg' }, 2);
    const last = await append(stream, 'Noted', { text: 'after' });
    r.start();
    expect(await r.waitFor(name, last.position, 10_000)).toBe(true);
    expect((await r.parked(name)).map((p) => p.eventId)).toEqual([poison.id]);
    projection.lenient = true;
    expect(await r.rebuild(name)).toBe(2);
    expect((await ledger(name)).map((x) => x.id).sort()).toEqual([poison.id, last.id].sort());
    expect(await r.parked(name)).toEqual([]);
  });

  it('an event stored by a newer release (higher schema version) is parked, not misread', async () => {
    const { category, name } = fresh();
    const stream = `${category}-${randomUUID()}`;
    const r = runner(new LedgerProjection(name, category));
    r.start();
    const future = await append(stream, 'Counted', { n: 1, unit: 'kg', extra: 'v3' }, 3);
    const last = await append(stream, 'Noted', { text: 'after' });
    expect(await r.waitFor(name, last.position, 10_000)).toBe(true);
    const parked = await r.parked(name);
    expect(parked.map((p) => p.eventId)).toEqual([future.id]);
    expect(parked[0]!.error).toMatch(/schema version 3.*up to version 2/);
  });

  it('an old-version event is upcast on every read (projection, load(), a command), an unknown type is left out of the fold, new events carry the current version', async () => {
    const { category, name } = fresh();
    const stream = `${category}-${randomUUID()}`;
    // Version 1 as it was once written: no unit.
    const old = await append(stream, 'Counted', { n: 7 }, 1);
    const r = runner(new LedgerProjection(name, category));
    r.start();
    expect(await r.waitFor(name, old.position, 10_000)).toBe(true);
    expect((await ledger(name)).find((x) => x.id === old.id)).toMatchObject({ n: 7, unit: 'piece' });

    // An aggregate over the same stream: its state sees the upcast shape, and its new events are written as version 2.
    const decider: Decider<{ add: number }, TestEvent, { total: number; units: string[] }> = {
      initialState: { total: 0, units: [] },
      evolve: (state, event) =>
        event.type === 'Counted'
          ? { total: state.total + event.data.n, units: [...state.units, event.data.unit] }
          : state,
      decide: (command) => [{ type: 'Counted', data: { n: command.add, unit: 'kg' } }],
      upcasters: testEvents.upcasters,
    };
    // A type the aggregate does not know, in its own stream: left out of the fold instead of reaching evolve.
    await append(stream, 'SomethingNew', { n: 1000 });
    const loaded = await load(store, decider, stream);
    expect(loaded.state).toEqual({ total: 7, units: ['piece'] });
    expect(loaded.revision).toBe(1n);
    const clock = { now: () => new Date() };
    const result = await handleCommand(
      { store, clock },
      decider,
      stream,
      { add: 3 },
      { correlationId: 'c', causationId: 'c', actorId: 'test' },
    );
    expect(result.state).toEqual({ total: 10, units: ['piece', 'kg'] });
    const stored = await store.readStream(stream);
    expect(stored.map((e) => [e.type, e.metadata.schemaVersion])).toEqual([
      ['Counted', 1],
      ['SomethingNew', 1],
      ['Counted', 2],
    ]);
    // Read back, the new event is not upcast a second time (its unit stays 'kg').
    expect((await load(store, decider, stream)).state).toEqual({ total: 10, units: ['piece', 'kg'] });
    expect(await r.waitFor(name, result.position!, 10_000)).toBe(true);
    expect((await ledger(name)).map((x) => x.unit).sort()).toEqual(['kg', 'piece']);
  });
});
