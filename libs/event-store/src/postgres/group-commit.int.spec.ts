import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PostgresEventStore } from './postgres-event-store';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { events, freshCategory, newEvent, streamIn } from '../contract/contract-fixtures';
import { AppendKeyRecordedError, IdempotencyConflictError, WrongExpectedVersionError } from '../port/errors';
import type { EventToAppend } from '../port/events';

const connectionString = process.env.DATABASE_URL!;

// One slot: every append that arrives while another is in flight goes in a group, so the whole contract runs grouped.
describeEventStoreContract('PostgreSQL, group commit on every queued append', async () => {
  return new PostgresEventStore({ connectionString, groupCommit: { slots: 1 }, log: () => undefined });
});

const keyed = (key: string, list: EventToAppend[]): EventToAppend[] =>
  list.map((e) => ({ ...e, metadata: { ...e.metadata, actorId: 'group-suite', idempotencyKey: key } }));

describe('PostgreSQL group commit', () => {
  const store = new PostgresEventStore({ connectionString, groupCommit: { slots: 1 }, log: () => undefined });
  const sql = new Client({ connectionString });
  beforeAll(() => sql.connect());
  afterAll(async () => {
    await sql.end();
    await store.close();
  });

  async function transactionsOf(streams: string[]): Promise<number> {
    const { rows } = await sql.query<{ n: string }>(
      `select count(distinct transaction_id)::text as n from es_events where stream_name = any($1)`,
      [streams],
    );
    return Number(rows[0]!.n);
  }

  it('appends that queue together commit together, and each keeps its own outcome', async () => {
    const category = freshCategory();
    const taken = streamIn(category);
    await store.append(taken, events(2), 'no_stream');
    const fresh = Array.from({ length: 12 }, () => streamIn(category));
    const results = await Promise.allSettled([
      store.append(streamIn(category), events(1), 'no_stream'), // takes the one slot; the rest queue behind it
      ...fresh.map((s) => store.append(s, events(3), 'no_stream')),
      store.append(taken, events(1), 'no_stream'),
      store.append(taken, events(1), 0n),
      store.append(taken, events(1), 1n),
    ]);
    const outcomes = results.map((r) => (r.status === 'fulfilled' ? r.value.nextRevision : r.reason));
    expect(outcomes.slice(1, 13)).toEqual(fresh.map(() => 2n));
    expect(outcomes[13]).toBeInstanceOf(WrongExpectedVersionError);
    expect(outcomes[14]).toBeInstanceOf(WrongExpectedVersionError);
    expect(outcomes[15]).toBe(2n);
    expect((await store.readStream(taken)).length).toBe(3);
    // Twelve streams written by fewer transactions than appends: they shared commits.
    expect(await transactionsOf(fresh)).toBeLessThan(fresh.length);
  });

  it('a group in which one append raises is run again one by one: only that append fails', async () => {
    const category = freshCategory();
    const stream = streamIn(category);
    const first = events(1);
    await store.append(stream, first, 'no_stream');
    await store.append(stream, events(1), 0n);
    const others = Array.from({ length: 6 }, () => streamIn(category));
    const results = await Promise.allSettled([
      store.append(streamIn(category), events(1), 'no_stream'),
      ...others.map((s) => store.append(s, events(1), 'no_stream')),
      // Ids stored earlier in the stream, at its current revision: the unique index raises inside the group.
      store.append(stream, first, 1n),
    ]);
    expect(results.slice(1, 7).map((r) => r.status)).toEqual(others.map(() => 'fulfilled'));
    const refused = results[7]!;
    expect(refused.status === 'rejected' && refused.reason).toBeInstanceOf(IdempotencyConflictError);
    expect((await store.readStream(stream)).length).toBe(2);
    for (const s of others) expect((await store.readStream(s)).length).toBe(1);
  });

  it('keyed and unkeyed appends share a group; a key replayed in the same group is recognised', async () => {
    const category = freshCategory();
    const stream = streamIn(category);
    const [key1, key2] = [randomUUID(), randomUUID()];
    const batch = keyed(key1, [newEvent('Keyed')]);
    const results = await Promise.allSettled([
      store.append(streamIn(category), events(1), 'no_stream'),
      store.append(stream, batch, 'no_stream'),
      store.append(streamIn(category), keyed(key2, events(2)), 'any'),
      store.append(stream, keyed(key1, [newEvent('Keyed')]), 'any'),
    ]);
    expect(results.slice(0, 3).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const replay = results[3]!;
    expect(replay.status === 'rejected' && replay.reason).toBeInstanceOf(AppendKeyRecordedError);
    expect((await store.readStream(stream)).map((e) => e.id)).toEqual([batch[0]!.id]);
  });

  it('the application role, which may not insert events, appends in groups through the granted functions', async () => {
    const app = new PostgresEventStore({
      connectionString: process.env.TEST_APP_DATABASE_URL!,
      groupCommit: { slots: 1 },
      log: () => undefined,
    });
    try {
      const category = freshCategory();
      const streams = Array.from({ length: 6 }, () => streamIn(category));
      const results = await Promise.all(streams.map((s) => app.append(s, events(2), 'no_stream')));
      expect(results.map((r) => r.nextRevision)).toEqual(streams.map(() => 1n));
      expect(await transactionsOf(streams)).toBeLessThan(streams.length);
    } finally {
      await app.close();
    }
  });
});
