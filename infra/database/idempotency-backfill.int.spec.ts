import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { v5 as uuidv5 } from 'uuid';
import { PostgresEventStore } from '@app/event-store';
import { handleCommand, type Decider } from '@app/event-sourcing';
import { ManualClock } from '@app/shared';
import { BACKFILL_KEY_STREAMS, BACKFILL_KEYS } from '../migrations/1732000001750-idempotency-keys';

type Counted = { type: 'Counted'; data: { by: number } };
const counter: Decider<{ by: number }, Counted, number> = {
  initialState: 0,
  evolve: (total, event) => total + event.data.by,
  decide: (command) => [{ type: 'Counted', data: { by: command.by } }],
};

/** Ids as the kernel derived them before keys were recorded (stream, key and index; no actor). */
const legacyId = (stream: string, key: string, index: number) =>
  uuidv5(`event|${stream}|${key}|${index}`, '6f1c2a8e-6a3b-5d7e-9f10-3c2b1a0e9d84');

describe('keys of events stored before the key record existed', () => {
  const sql = new Pool({ connectionString: process.env.DATABASE_URL! });
  const store = new PostgresEventStore({ connectionString: process.env.DATABASE_URL!, log: () => undefined });
  afterAll(async () => {
    await store.close();
    await sql.end();
  });

  it('are carried into the record by the migration, so a retry across the upgrade appends nothing', async () => {
    const stream = `counter-${randomUUID()}`;
    const actorId = `actor-${randomUUID()}`;
    const key = randomUUID();
    const metadata = (idempotent: boolean) =>
      JSON.stringify({
        correlationId: 'c',
        causationId: 'c',
        actorId,
        occurredAt: '2026-11-01T00:00:00Z',
        schemaVersion: 1,
        ...(idempotent ? { idempotencyKey: key, requestHash: 'hash-a' } : {}),
      });
    // Stored the old way (plain es_append): one unkeyed event, the keyed request's two events, one more after it.
    const append = (expected: string, revision: string | null, ids: string[], keyed: boolean) =>
      sql.query(`select * from es_append($1, 'counter', $2, $3, $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])`, [
        stream,
        expected,
        revision,
        ids,
        ids.map(() => 'Counted'),
        ids.map(() => JSON.stringify({ by: 1 })),
        ids.map(() => metadata(keyed)),
      ]);
    await append('no_stream', null, [randomUUID()], false);
    await append('exact', '0', [legacyId(stream, key, 0), legacyId(stream, key, 1)], true);
    await append('exact', '2', [randomUUID()], false);

    await sql.query(BACKFILL_KEYS);
    await sql.query(BACKFILL_KEY_STREAMS);
    const [row] = (
      await sql.query(
        `select status, expected_revision::text, event_count, first_revision::text, last_revision::text
                                      from idempotency_key_streams where actor_id = $1 and idempotency_key = $2 and stream_name = $3`,
        [actorId, key, stream],
      )
    ).rows;
    expect(row).toEqual({
      status: 'appended',
      expected_revision: '0',
      event_count: 2,
      first_revision: '1',
      last_revision: '2',
    });

    const retry = await handleCommand(
      { store, clock: new ManualClock(new Date()) },
      counter,
      stream,
      { by: 1 },
      {
        correlationId: 'r',
        causationId: 'r',
        actorId,
        idempotencyKey: key,
        requestHash: 'hash-a',
      },
    );
    expect(retry).toMatchObject({ replayed: true, revision: 2n, state: 3 });
    expect((await store.readStream(stream)).length).toBe(4);
  });
});
