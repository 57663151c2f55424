import { PostgresEventStore } from './postgres-event-store';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { describeIdempotencyLedgerContract } from '../contract/idempotency-ledger.contract';
import { events, freshCategory, streamIn } from '../contract/contract-fixtures';
import { EventStoreError } from '../port/errors';

const connectionString = process.env.DATABASE_URL!;

describeEventStoreContract('PostgreSQL', async () => new PostgresEventStore({ connectionString }));

// The protocol KurrentDB needs, run here against PostgreSQL so it is exercised on every test run.
describe('PostgreSQL store with the reservation protocol for keys', () => {
  const store = new PostgresEventStore({ connectionString, keys: 'reservation', log: () => undefined });
  afterAll(() => store.close());
  describeIdempotencyLedgerContract(() => store);
});

/** Promises the PostgreSQL adapter keeps beyond the port (nothing above the port may rely on them). */
describe('PostgreSQL only', () => {
  const store = new PostgresEventStore({ connectionString, log: () => undefined });
  afterAll(() => store.close());

  it('ids already stored earlier in the stream are refused at the current revision (KurrentDB appends them again)', async () => {
    const stream = streamIn(freshCategory());
    const batch = events(1);
    await store.append(stream, batch, 'no_stream');
    await store.append(stream, events(1), 0n);
    const error = await store.append(stream, batch, 1n).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventStoreError);
    expect((error as EventStoreError).code).toBe('IDEMPOTENCY_CONFLICT');
    expect((await store.readStream(stream)).length).toBe(2);
  });
});
