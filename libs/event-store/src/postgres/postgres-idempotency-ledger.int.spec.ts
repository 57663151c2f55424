import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from './postgres-event-store';
import { events, freshCategory, newEvent, streamIn } from '../contract/contract-fixtures';
import type { AppendKey, EventToAppend } from '../index';

/**
 * The reservation protocol when its process dies between two steps. A dead process is replayed by doing its steps by
 * hand, up to where it "died", then letting a retry run the whole protocol.
 */
describe('key reservations after a process died', () => {
  const store = new PostgresEventStore({
    connectionString: process.env.DATABASE_URL!,
    keys: 'reservation',
    log: () => undefined,
  });
  const sql = new Pool({ connectionString: process.env.DATABASE_URL! });
  afterAll(async () => {
    await store.close();
    await sql.end();
  });

  const keyOf = (): AppendKey => ({ actorId: `actor-${randomUUID()}`, key: randomUUID(), requestHash: 'h' });
  const keyed = (key: AppendKey, n: number): EventToAppend[] =>
    Array.from({ length: n }, () => ({
      ...newEvent('KeyedAppended'),
      metadata: { ...newEvent().metadata, actorId: key.actorId, idempotencyKey: key.key },
    }));
  const fixedIds = (template: EventToAppend[], fresh: EventToAppend[]) =>
    fresh.map((e, i) => ({ ...e, id: template[i]!.id }));

  async function reserve(key: AppendKey, stream: string, pin: bigint, batch: EventToAppend[]): Promise<void> {
    await sql.query(`insert into idempotency_keys (actor_id, idempotency_key, request_hash) values ($1, $2, $3)`, [
      key.actorId,
      key.key,
      key.requestHash,
    ]);
    await sql.query(
      `insert into idempotency_key_streams (actor_id, idempotency_key, stream_name, status, expected_revision, first_event_id, event_count)
       values ($1, $2, $3, 'reserved', $4, $5, $6)`,
      [key.actorId, key.key, stream, pin.toString(), batch[0]!.id, batch.length],
    );
  }
  const status = async (key: AppendKey, stream: string) =>
    (
      await sql.query(
        `select status, expected_revision::text, first_revision::text, last_revision::text from idempotency_key_streams
                       where actor_id = $1 and idempotency_key = $2 and stream_name = $3`,
        [key.actorId, key.key, stream],
      )
    ).rows[0];

  it('died after reserving, before appending: the retry appends once and completes the record', async () => {
    const stream = streamIn(freshCategory());
    const key = keyOf();
    await store.append(stream, events(1), 'no_stream');
    const batch = keyed(key, 2);
    await reserve(key, stream, 0n, batch);
    await expect(store.idempotency.recall(store, stream, key)).resolves.toBeUndefined();
    const retry = await store.idempotency.appendOnce(store, stream, fixedIds(batch, keyed(key, 2)), 0n, key);
    expect(retry).toMatchObject({ appended: { nextRevision: 2n } });
    expect(await status(key, stream)).toEqual({
      status: 'appended',
      expected_revision: '0',
      first_revision: '1',
      last_revision: '2',
    });
    expect((await store.readStream(stream)).length).toBe(3);
  });

  it('died after appending, before completing: after the stream moved on, the retry finds its events and appends nothing', async () => {
    const stream = streamIn(freshCategory());
    const key = keyOf();
    await store.append(stream, events(1), 'no_stream');
    const batch = keyed(key, 2);
    await reserve(key, stream, 0n, batch);
    await store.append(stream, batch, 0n);
    await store.append(stream, events(3), 2n);
    const recalled = await store.idempotency.recall(store, stream, key);
    expect(recalled).toMatchObject({ firstRevision: 1n, lastRevision: 2n });
    const retry = await store.idempotency.appendOnce(store, stream, fixedIds(batch, keyed(key, 2)), 5n, key);
    expect(retry).toMatchObject({ recorded: { firstRevision: 1n, lastRevision: 2n } });
    expect(await status(key, stream)).toMatchObject({ status: 'appended', first_revision: '1', last_revision: '2' });
    expect((await store.readStream(stream)).filter((e) => e.type === 'KeyedAppended')).toHaveLength(2);
  });

  it('a reservation whose revision was passed by other events is taken over, and its late append can no longer land', async () => {
    const stream = streamIn(freshCategory());
    const key = keyOf();
    await store.append(stream, events(1), 'no_stream');
    const batch = keyed(key, 1);
    await reserve(key, stream, 0n, batch);
    await store.append(stream, events(1), 0n);
    const retry = await store.idempotency.appendOnce(store, stream, fixedIds(batch, keyed(key, 1)), 1n, key);
    expect(retry).toMatchObject({ appended: { nextRevision: 2n } });
    expect(await status(key, stream)).toMatchObject({
      status: 'appended',
      expected_revision: '1',
      first_revision: '2',
    });
    // The first attempt, still in flight, arrives with the revision it had pinned: refused.
    await expect(store.append(stream, batch, 0n)).rejects.toThrow();
    expect((await store.readStream(stream)).filter((e) => e.type === 'KeyedAppended')).toHaveLength(1);
  });
});
