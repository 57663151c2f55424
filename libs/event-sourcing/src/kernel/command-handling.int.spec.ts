import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { PostgresEventStore, type EventStore } from '@app/event-store';
import { PostgresSnapshotStore } from '../projections/postgres-snapshot-store';
import { IdempotencyKeyReusedError, ManualClock, StaleRevisionError } from '@app/shared';
import { handleCommand, load } from './command-handling';
import type { Decider } from './decider';

type Counted = { type: 'Counted'; data: { by: number } };
type Count = { type: 'Count'; by: number };
const counter: Decider<Count, Counted, number> = {
  initialState: 0,
  evolve: (total, event) => total + event.data.by,
  decide: (command) => (command.by === 0 ? [] : [{ type: 'Counted', data: { by: command.by } }]),
};

describe('command handling on the PostgreSQL store', () => {
  const store = new PostgresEventStore({ connectionString: process.env.DATABASE_URL!, log: () => undefined });
  const clock = new ManualClock(new Date('2026-11-22T06:00:00Z'));
  const deps = { store, clock };
  const context = () => ({ correlationId: randomUUID(), causationId: randomUUID(), actorId: 'tester' });
  afterAll(() => store.close());

  it('stamps metadata from the context and the injected clock', async () => {
    const stream = `counter-${randomUUID()}`;
    const ctx = { ...context(), jurisdiction: '640500' };
    await handleCommand(deps, counter, stream, { type: 'Count', by: 2 }, ctx);
    const [event] = await store.readStream(stream);
    expect(event!.metadata).toMatchObject({ ...ctx, occurredAt: '2026-11-22T06:00:00.000Z', schemaVersion: 1 });
  });

  it('loads streams longer than one read page', async () => {
    const stream = `counter-${randomUUID()}`;
    for (let i = 0; i < 12; i++) {
      const batch = Array.from({ length: 1000 }, () => ({
        id: randomUUID(),
        type: 'Counted',
        data: { by: 1 },
        metadata: {
          correlationId: 'c',
          causationId: 'c',
          actorId: 't',
          occurredAt: clock.now().toISOString(),
          schemaVersion: 1,
        },
      }));
      await store.append(stream, batch, 'any');
    }
    const loaded = await load(store, counter, stream);
    expect(loaded.state).toBe(12_000);
    expect(loaded.revision).toBe(11_999n);
  });

  it('a keyed retry is answered from the stored events; the same key with another request is refused', async () => {
    const stream = `counter-${randomUUID()}`;
    const keyed = { ...context(), idempotencyKey: 'k-1', requestHash: 'hash-a' };
    const first = await handleCommand(deps, counter, stream, { type: 'Count', by: 5 }, keyed);
    await handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, context());
    const retry = await handleCommand(deps, counter, stream, { type: 'Count', by: 5 }, keyed);
    expect(retry).toMatchObject({ replayed: true, revision: first.revision, state: 5 });
    await expect(
      handleCommand(deps, counter, stream, { type: 'Count', by: 7 }, { ...keyed, requestHash: 'hash-b' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect((await store.readStream(stream)).length).toBe(2);
  });

  it('an If-Match revision that is no longer current is refused without a retry', async () => {
    const stream = `counter-${randomUUID()}`;
    await handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, context());
    await handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, context());
    await expect(
      handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, { ...context(), expectedRevision: 0n }),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    await expect(
      handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, { ...context(), expectedRevision: 1n }),
    ).resolves.toMatchObject({
      revision: 2n,
    });
  });

  it('concurrent commands on one stream all land through bounded retries', async () => {
    const stream = `counter-${randomUUID()}`;
    await Promise.all(
      Array.from({ length: 12 }, () => handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, context())),
    );
    const loaded = await load(store, counter, stream);
    expect(loaded.state).toBe(12);
    expect(loaded.revision).toBe(11n);
  });
});

/**
 * Retries under an Idempotency-Key, on both key protocols: the PostgreSQL one (recorded in the append's transaction)
 * and the reservation one KurrentDB uses. The PostgreSQL store refuses stored event ids on its own; the appends this
 * suite counts show that the key record, not that refusal, keeps retries from appending.
 */
describe.each(['in-append', 'reservation'] as const)('keyed retries with the %s key protocol', (keys) => {
  const inner = new PostgresEventStore({ connectionString: process.env.DATABASE_URL!, keys, log: () => undefined });
  let appends = 0;
  const store: EventStore = new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'append') {
        return (...args: Parameters<EventStore['append']>) => {
          appends++;
          return target.append(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const sql = new Pool({ connectionString: process.env.DATABASE_URL! });
  const snapshots = new PostgresSnapshotStore({
    query: (text: string, params: unknown[]) => sql.query(text, params).then((r) => r.rows),
  } as unknown as DataSource);
  const snapshotted: Decider<Count, Counted, number> = { ...counter, snapshotting: { version: 1, every: 3 } };
  const clock = new ManualClock(new Date('2026-11-22T06:00:00Z'));
  const deps = { store, clock, snapshots };
  const context = () => ({ correlationId: randomUUID(), causationId: randomUUID(), actorId: 'tester' });
  const keyed = (requestHash = 'hash-a') => ({
    ...context(),
    actorId: `duty-${randomUUID()}`,
    idempotencyKey: randomUUID(),
    requestHash,
  });
  afterAll(async () => {
    await inner.close();
    await sql.end();
  });

  it('a retry after the stream moved on and a snapshot covered it appends nothing and answers as the first time', async () => {
    const stream = `counter-${randomUUID()}`;
    await handleCommand(deps, snapshotted, stream, { type: 'Count', by: 1 }, context());
    const ctx = keyed();
    const first = await handleCommand(deps, snapshotted, stream, { type: 'Count', by: 5 }, ctx);
    for (let i = 0; i < 4; i++) await handleCommand(deps, snapshotted, stream, { type: 'Count', by: 1 }, context());
    expect((await snapshots.load(stream, 1))!.revision).toBeGreaterThan(first.revision!);
    const before = appends;
    const retry = await handleCommand(
      deps,
      snapshotted,
      stream,
      { type: 'Count', by: 5 },
      { ...ctx, correlationId: randomUUID() },
    );
    expect(appends).toBe(before);
    expect(retry).toMatchObject({
      replayed: true,
      revision: first.revision,
      position: first.position,
      state: 6,
      events: first.events,
    });
    expect((await store.readStream(stream)).length).toBe(6);
  });

  it('the command that took the snapshot is recognised on retry', async () => {
    const stream = `counter-${randomUUID()}`;
    for (let i = 0; i < 2; i++) await handleCommand(deps, snapshotted, stream, { type: 'Count', by: 1 }, context());
    const ctx = keyed();
    const first = await handleCommand(deps, snapshotted, stream, { type: 'Count', by: 7 }, ctx);
    expect((await snapshots.load(stream, 1))!.revision).toBe(first.revision);
    const retry = await handleCommand(deps, snapshotted, stream, { type: 'Count', by: 7 }, ctx);
    expect(retry).toMatchObject({ replayed: true, revision: 2n, state: 9 });
    expect((await store.readStream(stream)).length).toBe(3);
  });

  it('the same key with another request is refused and appends nothing, on the same stream or another', async () => {
    const stream = `counter-${randomUUID()}`;
    const ctx = keyed('hash-a');
    await handleCommand(deps, counter, stream, { type: 'Count', by: 2 }, ctx);
    const other = { ...ctx, requestHash: 'hash-b' };
    await expect(handleCommand(deps, counter, stream, { type: 'Count', by: 3 }, other)).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    const elsewhere = `counter-${randomUUID()}`;
    await expect(handleCommand(deps, counter, elsewhere, { type: 'Count', by: 3 }, other)).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    expect((await store.readStream(stream)).length).toBe(1);
    await expect(store.readStream(elsewhere)).rejects.toThrow();
  });

  it('concurrent retries from two processes append once and all answer with the same revision', async () => {
    const stream = `counter-${randomUUID()}`;
    await handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, context());
    // Each copy of the module has its own per-stream queue, as two API processes would.
    const kernels: (typeof handleCommand)[] = [];
    for (let i = 0; i < 2; i++) {
      jest.isolateModules(() =>
        kernels.push(
          (jest.requireActual('./command-handling') as { handleCommand: typeof handleCommand }).handleCommand,
        ),
      );
    }
    const ctx = keyed();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => kernels[i % 2]!(deps, counter, stream, { type: 'Count', by: 4 }, ctx)),
    );
    const stored = await store.readStream(stream);
    expect(stored.length).toBe(2);
    expect(new Set(results.map((r) => r.revision))).toEqual(new Set([1n]));
    expect(results.filter((r) => !r.replayed).length).toBeLessThanOrEqual(2);
  });
});
