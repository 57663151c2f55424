import { Client } from 'pg';
import { startTestApp, type TestApp } from '../support/test-app';
import { eventually, until } from '../support/eventually';

/**
 * A read whose client has gone has its statements cancelled (docs/adr/0023): the console that gave up no longer holds
 * a pooled connection and the server's CPU for the rest of the statement's time.
 *
 * The statement is made long by a lock, not by data: a session outside the API holds the compliance table exclusively,
 * so the read's statement waits in the server (visible in pg_stat_activity) until the lock goes, the statement timeout
 * (a minute by default) ends it, or it is cancelled. The lock is held throughout, so only a cancellation can end it
 * within the wait below.
 */
describe('a read whose client has gone', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let owner: Client;
  beforeAll(async () => {
    t = await startTestApp();
    owner = new Client({ connectionString: t.ownerDatabaseUrl, application_name: 'lock-holder' });
    owner.on('error', () => undefined);
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end().catch(() => undefined);
    await t?.close();
  });

  /** The API's backends whose statement reads the compliance table and waits on a lock. */
  const waiting = async (): Promise<number[]> => {
    const rows = await t.sql<{ pid: number }>(
      `select pid from pg_stat_activity
        where application_name = 'command-api' and state = 'active' and query ilike '%from deadline_compliance%'
          and wait_event_type = 'Lock'`,
    );
    return rows.map((r) => r.pid);
  };

  it('has its waiting statement cancelled in the database, while the lock it waits for is still held', async () => {
    await owner.query('begin');
    await owner.query('lock table deadline_compliance in access exclusive mode');
    try {
      const client = new AbortController();
      const answer = fetch(`${t.baseUrl}/api/v1/compliance`, {
        headers: { authorization: `Bearer ${t.commander.token}` },
        signal: client.signal,
      }).catch((error: unknown) => error);
      const pids = await eventually(async () => {
        const found = await waiting();
        return found.length > 0 ? found : undefined;
      }, 20_000);

      client.abort();
      expect(await answer).toMatchObject({ name: 'AbortError' });
      // Gone from the server well before the statement timeout could have ended it, the lock still held.
      await until(async () => {
        const still = await waiting();
        return pids.every((pid) => !still.includes(pid));
      }, 20_000);
      const [{ locked }] = await t.sql<{ locked: boolean }>(
        `select count(*) > 0 as locked from pg_locks l join pg_class c on c.oid = l.relation
          where c.relname = 'deadline_compliance' and l.mode = 'AccessExclusiveLock' and l.granted`,
      );
      expect(locked).toBe(true);
      // The connection that was sent the cancel is closed, not lent to another request: a cancel request names a
      // backend, and a late one would end whatever statement that backend ran next.
      await until(async () => {
        const alive = await t.sql<{ pid: number }>(`select pid from pg_stat_activity where pid = any($1::int[])`, [
          pids,
        ]);
        return alive.length === 0;
      }, 20_000);
    } finally {
      await owner.query('rollback');
    }
    // The pool serves the next read on another connection.
    const { body } = await t.get('/api/v1/compliance').expect(200);
    expect(body.summary).toBeDefined();
  });

  it('leaves a read whose client waits alone: it is answered once the lock goes', async () => {
    await owner.query('begin');
    await owner.query('lock table deadline_compliance in access exclusive mode');
    const answer = fetch(`${t.baseUrl}/api/v1/compliance`, {
      headers: { authorization: `Bearer ${t.commander.token}` },
    });
    try {
      await until(async () => (await waiting()).length > 0, 20_000);
    } finally {
      await owner.query('rollback');
    }
    const response = await answer;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { summary: unknown }).summary).toBeDefined();
  });
});

/**
 * A read that runs past the API's statement timeout is ended by the server and answered 503 DATABASE_TIMEOUT as
 * problem+json with a Chinese detail and Retry-After — never a 500 and never an answer that does not come.
 */
describe('a read past the statement timeout', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let owner: Client;
  beforeAll(async () => {
    t = await startTestApp({ DATABASE_STATEMENT_TIMEOUT_MS: '1500' });
    owner = new Client({ connectionString: t.ownerDatabaseUrl, application_name: 'lock-holder' });
    owner.on('error', () => undefined);
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end().catch(() => undefined);
    await t?.close();
  });

  it('is answered 503 DATABASE_TIMEOUT, and the same read succeeds once the lock is gone', async () => {
    await owner.query('begin');
    await owner.query('lock table deadline_compliance in access exclusive mode');
    let response;
    try {
      response = await t.get('/api/v1/compliance');
    } finally {
      await owner.query('rollback');
    }
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 503, code: 'DATABASE_TIMEOUT' });
    expect(response.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    await t.get('/api/v1/compliance').expect(200);
  });
});
