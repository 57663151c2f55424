import { Client } from 'pg';
import { PostgresEventStore } from './postgres-event-store';
import { events, freshCategory, streamIn } from '../contract/contract-fixtures';

/**
 * The pool's connections carry the server-side limits they were given: a connection left idle inside a transaction
 * (which would hold back every global reader, docs/adr/0001) is ended by the server, a runaway statement is
 * cancelled, and the store goes on with fresh connections.
 */
describe('PostgreSQL event store session limits', () => {
  const store = new PostgresEventStore({
    connectionString: process.env.DATABASE_URL!,
    log: () => undefined,
    applicationName: 'session-limits',
    sessionLimits: { idle_in_transaction_session_timeout: 800, statement_timeout: 1000 },
  });
  const observer = new Client({ connectionString: process.env.DATABASE_URL! });
  beforeAll(() => observer.connect());
  afterAll(async () => {
    await observer.end();
    await store.close();
  });

  it('ends a connection left idle in a transaction and cancels a statement past its timeout', async () => {
    const client = await store.pool.connect();
    client.on('error', () => undefined);
    expect((await client.query('show idle_in_transaction_session_timeout')).rows).toEqual([
      { idle_in_transaction_session_timeout: '800ms' },
    ]);
    expect((await client.query('show statement_timeout')).rows).toEqual([{ statement_timeout: '1s' }]);
    await client.query('begin');
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid, txid_current()')).rows[0]!.pid;
    const leftAt = Date.now();
    const alive = async () =>
      (await observer.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount === 1;
    while (await alive()) {
      if (Date.now() - leftAt > 10_000) throw new Error('the idle transaction was not ended');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(Date.now() - leftAt).toBeGreaterThanOrEqual(700);
    await expect(client.query('select 1')).rejects.toThrow();
    client.release(true);

    await expect(store.pool.query('select pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });

    const stream = streamIn(freshCategory());
    await store.append(stream, events(2), 'no_stream');
    expect((await store.readStream(stream)).length).toBe(2);
  });
});
