import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { runMigrations } from '../../infra/database/migrations';
import { startTestApp, type TestApp } from '../support/test-app';
import { startPostgresProcess, type PostgresProcess } from '../support/postgres-process';
import { incidentBody } from '../support/incident-fixtures';
import { eventually, until } from '../support/eventually';

interface Oldest {
  pid: number | null;
  applicationName: string | null;
  user: string | null;
  state: string | null;
  command: string | null;
  ageSeconds: number;
  measuredFrom: 'transaction-start' | 'first-seen';
}

interface Health {
  status: string;
  info: { transactions?: { oldest: Oldest | null; thresholdSeconds: number; transactionsBehind: number | null } };
}

/** The value of one series in Prometheus' text format, or undefined when it is not exposed. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/**
 * Stalls are bounded and visible (docs/operations.md): one open transaction holds back every reader of the event
 * store (docs/adr/0001). /health and /metrics name the transaction holding the horizon and its age, a command still
 * answers while it lasts, and a connection of the API left idle in a transaction is ended by the server.
 * A PostgreSQL of its own: the horizon is cluster-wide, so a stall on the suite's shared server would hold back
 * every other suite running beside this one.
 */
describe('a transaction left open', () => {
  jest.setTimeout(120_000);
  let pg: PostgresProcess | undefined;
  let url: string;
  let t: TestApp | undefined;
  const clients: Client[] = [];

  /** A session outside the API, as psql or a killed client's backend would be: BEGIN, then a transaction id. */
  const holdHorizon = async (connectionString: string, applicationName: string) => {
    const client = new Client({ connectionString, application_name: applicationName });
    client.on('error', () => undefined);
    clients.push(client);
    await client.connect();
    await client.query('begin');
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid, txid_current()');
    return { client, pid: rows[0]!.pid };
  };

  const health = async (): Promise<Health> => (await request(t!.baseUrl).get('/health').expect(200)).body as Health;
  const metrics = async (): Promise<string> => (await request(t!.baseUrl).get('/metrics').expect(200)).text;

  beforeAll(async () => {
    pg = await startPostgresProcess({ name: 'pg-stalls', database: `stalls_${randomUUID().slice(0, 8)}` });
    url = pg.url;
    await runMigrations(url, { appRole: pg.appRole });
    // As with `npm start`, the API connects as the cluster's least-privileged role, with shortened limits.
    t = await startTestApp(
      {
        HEALTH_OLD_TRANSACTION_SECONDS: '1',
        DATABASE_IDLE_TX_TIMEOUT_MS: '1500',
        DATABASE_STATEMENT_TIMEOUT_MS: '3000',
        // A command waits for its read models this long before its 202: the production default, as this test times it.
        READ_MODEL_WAIT_MS: '3000',
      },
      { databaseUrl: pg.appUrl },
    );
  });

  afterAll(async () => {
    for (const client of clients) await client.end().catch(() => undefined);
    await t?.close({ keepDatabase: true }).catch(() => undefined);
    await pg?.stop().catch(() => undefined);
  });

  it('is named by /health and /metrics with a growing age; a command still answers; the board catches up once it ends', async () => {
    await until(async () => (await health()).status === 'ok', 20_000);
    const holder = await holdHorizon(pg!.appUrl, 'psql-left-open');

    // /health names it (same role as the API: everything about it is visible) and turns degraded.
    const first = await eventually(async () => {
      const body = await health();
      const oldest = body.info.transactions?.oldest;
      return body.status === 'degraded' && oldest?.pid === holder.pid ? oldest : undefined;
    }, 10_000);
    expect(first).toMatchObject({
      applicationName: 'psql-left-open',
      user: pg!.appRole,
      state: 'idle in transaction',
      command: 'SELECT',
      measuredFrom: 'transaction-start',
    });
    expect(first.ageSeconds).toBeGreaterThan(1);

    // /metrics shows the same transaction's age, and it grows while the transaction stays open.
    const scraped = sample(await metrics(), 'database_oldest_transaction_age_seconds')!;
    expect(scraped).toBeGreaterThanOrEqual(first.ageSeconds);
    expect(sample(await metrics(), 'database_idle_in_transaction_sessions')).toBeGreaterThanOrEqual(1);
    expect(sample(await metrics(), 'database_transactions_behind_horizon')).toBeGreaterThanOrEqual(1);

    // A command during the stall: appended, and answered after at most its read-your-writes wait; the board cannot
    // show it yet, because no reader gets past the open transaction.
    const started = Date.now();
    const reported = await t!.post('/api/v1/incidents').set('Idempotency-Key', randomUUID()).send(incidentBody());
    const waited = Date.now() - started;
    expect([201, 202]).toContain(reported.status);
    expect(reported.body.id).toEqual(expect.any(String));
    expect(waited).toBeGreaterThanOrEqual(2500);
    expect(waited).toBeLessThan(15_000);
    await t!.get(`/api/v1/incidents/${reported.body.id}`).expect(404);

    const later = (await health()).info.transactions!.oldest!;
    expect(later.pid).toBe(holder.pid);
    expect(later.ageSeconds).toBeGreaterThan(first.ageSeconds + 2);
    expect(sample(await metrics(), 'database_oldest_transaction_age_seconds')).toBeGreaterThan(scraped + 2);

    // Ended (as `pg_terminate_backend` would, or a rollback): projections catch up, health is ok again.
    await holder.client.query('rollback');
    await until(async () => (await t!.get(`/api/v1/incidents/${reported.body.id}`)).status === 200, 10_000);
    await until(async () => (await health()).status === 'ok', 10_000);
    expect(sample(await metrics(), 'database_oldest_transaction_age_seconds')).toBeLessThan(1);
  });

  it("finds another role's transaction with what pg_stat_activity shows the API's role, and all of it with pg_read_all_stats", async () => {
    const owner = new Client({ connectionString: url });
    clients.push(owner);
    await owner.connect();
    const holder = await holdHorizon(url, 'owner-maintenance');

    // Without the statistics role: pid, role and application are visible, state and start are not; the age counts
    // from when the API first saw it holding the horizon, and still grows.
    const hidden = await eventually(async () => {
      const oldest = (await health()).info.transactions?.oldest;
      return oldest?.pid === holder.pid && oldest.ageSeconds > 1 ? oldest : undefined;
    }, 10_000);
    expect(hidden).toMatchObject({
      applicationName: 'owner-maintenance',
      user: 'postgres',
      state: null,
      command: null,
      measuredFrom: 'first-seen',
    });
    expect((await health()).status).toBe('degraded');
    await until(async () => (await health()).info.transactions!.oldest!.ageSeconds > hidden.ageSeconds + 1, 10_000);

    // With pg_read_all_stats (part of pg_monitor, docs/operations.md): its state and real start.
    await owner.query(`grant pg_read_all_stats to ${pg!.appRole}`);
    try {
      const visible = await eventually(async () => {
        const oldest = (await health()).info.transactions?.oldest;
        return oldest?.pid === holder.pid && oldest.measuredFrom === 'transaction-start' ? oldest : undefined;
      }, 10_000);
      expect(visible).toMatchObject({ state: 'idle in transaction', command: 'SELECT' });
    } finally {
      await owner.query(`revoke pg_read_all_stats from ${pg!.appRole}`);
    }

    // Ended by an operator, as docs/operations.md says.
    const { rows } = await owner.query<{ ended: boolean }>('select pg_terminate_backend($1) as ended', [holder.pid]);
    expect(rows[0]!.ended).toBe(true);
    await until(async () => (await health()).status === 'ok', 10_000);
  });

  it('has a connection of the API left idle in a transaction ended by the server after the configured timeout', async () => {
    const dataSource = t!.app.get(DataSource);
    const owner = new Client({ connectionString: url });
    clients.push(owner);
    await owner.connect();
    const alive = async (pid: number) =>
      (await owner.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount === 1;

    // A connection of the API's own pool that begins a transaction and is then forgotten (a bug, a stuck request).
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    expect((await runner.query('show idle_in_transaction_session_timeout')) as unknown).toEqual([
      { idle_in_transaction_session_timeout: '1500ms' },
    ]);
    await runner.startTransaction();
    const [{ pid }] = (await runner.query('select pg_backend_pid() as pid, txid_current()')) as [{ pid: number }];
    const leftAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await alive(pid)).toBe(true);
    await until(async () => !(await alive(pid)), 10_000);
    const endedAfter = Date.now() - leftAt;
    expect(endedAfter).toBeGreaterThanOrEqual(1400);
    expect(endedAfter).toBeLessThan(6000);
    await expect(runner.query('select 1')).rejects.toThrow();
    await runner.release().catch(() => undefined);

    // A statement running past DATABASE_STATEMENT_TIMEOUT_MS is cancelled by the server (57014).
    const cancelled = dataSource.query('select pg_sleep(20)');
    await expect(cancelled).rejects.toMatchObject({ driverError: { code: '57014' } });

    // A command stuck behind a row lock another session holds on its stream is cancelled by the server after the
    // statement timeout and answered 503 with Retry-After (nothing was appended), not left hanging and not a 500;
    // the same request succeeds once the lock is gone.
    const { body: incident } = await t!.post('/api/v1/incidents').send(incidentBody()).expect(201);
    await owner.query('begin');
    await owner.query('select 1 from es_streams where stream_name = $1 for update', [`incident-${incident.id}`]);
    const key = randomUUID();
    const blockedAt = Date.now();
    const blocked = await t!
      .post(`/api/v1/incidents/${incident.id}/updates`)
      .set('Idempotency-Key', key)
      .send({ measures: '设置警戒区' });
    const blockedFor = Date.now() - blockedAt;
    await owner.query('rollback');
    expect(blocked.status).toBe(503);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(blocked.body).toMatchObject({ status: 503, code: 'DATABASE_TIMEOUT' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blockedFor).toBeGreaterThanOrEqual(2900);
    expect(blockedFor).toBeLessThan(10_000);
    const { rows: stored } = await owner.query<{ n: number }>(
      'select count(*)::int as n from es_events where stream_name = $1',
      [`incident-${incident.id}`],
    );
    expect(stored[0]!.n).toBe(1);
    await t!
      .post(`/api/v1/incidents/${incident.id}/updates`)
      .set('Idempotency-Key', key)
      .send({ measures: '设置警戒区' })
      .expect(200);

    // The pool replaced the ended connection: the API still reads and writes.
    const { body } = await t!.post('/api/v1/incidents').set('Idempotency-Key', randomUUID()).send(incidentBody());
    expect(body.id).toEqual(expect.any(String));
    await t!.get(`/api/v1/incidents/${body.id}`).expect(200);
    expect((await health()).status).toBe('ok');
  });
});
