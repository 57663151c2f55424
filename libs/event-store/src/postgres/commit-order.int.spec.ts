import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from './postgres-event-store';
import { IdempotencyConflictError } from '../port/errors';
import { categoryOf, type EventToAppend } from '../port/events';
import { collect, events, freshCategory, newEvent, sleep, streamIn } from '../contract/contract-fixtures';

/**
 * PostgreSQL-specific proofs that the global log never skips an event: explicit transactions hold a lower
 * sequence value open while a later one commits first.
 */
const url = process.env.DATABASE_URL!;

async function beginAppend(client: Client, stream: string, batch: EventToAppend[]): Promise<bigint> {
  await client.query('begin');
  const result = await client.query<{ last_position: string }>(
    `select last_position::text from es_append($1, $2, 'any', null, $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])`,
    [
      stream,
      categoryOf(stream),
      batch.map((e) => e.id),
      batch.map((e) => e.type),
      batch.map((e) => JSON.stringify(e.data)),
      batch.map((e) => JSON.stringify(e.metadata)),
    ],
  );
  return BigInt(result.rows[0]!.last_position);
}

describe('PostgreSQL event store: commit-safe global order', () => {
  let store: PostgresEventStore;
  let slow: Client;

  beforeAll(async () => {
    store = new PostgresEventStore({ connectionString: url, pollIntervalMs: 100, log: () => undefined });
    slow = new Client({ connectionString: url });
    await slow.connect();
  });
  afterAll(async () => {
    await slow.end();
    await store.close();
  });

  it('a slow transaction with the lower sequence value that commits last is still delivered, in commit-safe order', async () => {
    const category = freshCategory();
    const subscription = store.subscribeAll({ filter: { kind: 'category', categories: [category] } });
    try {
      await collect(subscription, (_, m) => m.some((x) => x.kind === 'caughtUp'));
      const slowEvent = newEvent('SlowAppended');
      const slowSequence = await beginAppend(slow, streamIn(category), [slowEvent]);
      const fast = await store.append(streamIn(category), [newEvent('FastAppended')], 'no_stream');
      expect(fast.position.prepare).toBeGreaterThan(slowSequence);

      // While the slow transaction is open, neither event may be delivered: the fast one would be "after" it.
      const early = await collect(subscription, (r) => r.length > 0, 700);
      expect(early.events).toEqual([]);
      expect(await store.readAll({ filter: { kind: 'category', categories: [category] } })).toEqual([]);

      await slow.query('commit');
      const { events: delivered } = await collect(subscription, (r) => r.length >= 2);
      expect(delivered.map((e) => e.type)).toEqual(['SlowAppended', 'FastAppended']);
      expect(delivered[0]!.id).toBe(slowEvent.id);
    } finally {
      await slow.query('rollback').catch(() => undefined);
      await subscription.close();
    }
  });

  it('a rolled-back transaction leaves a sequence gap that stalls no one', async () => {
    const category = freshCategory();
    const subscription = store.subscribeAll({ filter: { kind: 'category', categories: [category] } });
    try {
      await collect(subscription, (_, m) => m.some((x) => x.kind === 'caughtUp'));
      const gap = await beginAppend(slow, streamIn(category), events(3));
      await slow.query('rollback');
      const after = await store.append(streamIn(category), events(1), 'no_stream');
      expect(after.position.prepare).toBeGreaterThan(gap);
      const { events: delivered } = await collect(subscription, (r) => r.length >= 1, 5_000);
      expect(delivered.map((e) => e.position.prepare)).toEqual([after.position.prepare]);
    } finally {
      await subscription.close();
    }
  });

  it('LISTEN/NOTIFY wakes a subscriber long before its poll interval', async () => {
    const sleepy = new PostgresEventStore({ connectionString: url, pollIntervalMs: 60_000 });
    const category = freshCategory();
    const subscription = sleepy.subscribeAll({ filter: { kind: 'category', categories: [category] } });
    try {
      await collect(subscription, (_, m) => m.some((x) => x.kind === 'caughtUp'));
      await sleep(200); // let the LISTEN connection settle
      await store.append(streamIn(category), events(1), 'no_stream');
      const { events: delivered } = await collect(subscription, (r) => r.length >= 1, 10_000);
      expect(delivered).toHaveLength(1);
    } finally {
      await subscription.close();
      await sleepy.close();
    }
  });

  it('polling delivers when the LISTEN connection is gone', async () => {
    const applicationName = `polling-${randomUUID().slice(0, 8)}`;
    const polling = new PostgresEventStore({
      connectionString: url,
      pollIntervalMs: 100,
      log: () => undefined,
      applicationName,
    });
    const category = freshCategory();
    const subscription = polling.subscribeAll({ filter: { kind: 'category', categories: [category] } });
    try {
      await collect(subscription, (_, m) => m.some((x) => x.kind === 'caughtUp'));
      await sleep(200);
      const killed = await slow.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1`,
        [`${applicationName}:listen`],
      );
      expect(killed.rowCount).toBeGreaterThan(0);
      await store.append(streamIn(category), events(1), 'no_stream');
      const { events: delivered } = await collect(subscription, (r) => r.length >= 1, 5_000);
      expect(delivered).toHaveLength(1);
    } finally {
      await subscription.close();
      await polling.close();
    }
  });

  it('ids that partly match are an IdempotencyConflictError', async () => {
    const stream = `${freshCategory()}-${randomUUID()}`;
    const batch = events(2);
    await store.append(stream, batch, 'no_stream');
    await expect(store.append(stream, [newEvent(), batch[1]!], 1n)).rejects.toBeInstanceOf(IdempotencyConflictError);
  });
});
