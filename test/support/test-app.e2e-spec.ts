import { connect, createServer, type Socket } from 'node:net';
import { Client } from 'pg';
import { until } from './eventually';
import { CLOSE_LIMIT_MS, startTestApp } from './test-app';
import { dropDatabase } from './test-database';

/**
 * The harness itself: a test application closes within its limit whatever a client still holds open, and neither a
 * close nor a failed start leaves anything running (an application left behind keeps polling and keeps jest alive).
 */
describe('the test application', () => {
  /** Connections to the database other than this one's: the application's pool, its projection locks, the helper. */
  const otherSessions = async (ownerUrl: string): Promise<number> => {
    const admin = new Client({ connectionString: ownerUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      return rows[0]!.n;
    } finally {
      await admin.end();
    }
  };

  it('closes although a client keeps a request unfinished, and leaves no session on its database', async () => {
    const t = await startTestApp();
    const port = Number(new URL(t.baseUrl).port);
    // Headers sent, the body promised but never finished: the server counts this request as in flight.
    const held: Socket = connect(port, '127.0.0.1');
    const cut = new Promise<void>((resolve) => held.once('close', () => resolve()));
    held.on('error', () => undefined);
    held.write(
      `POST /api/v1/incidents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Authorization: Bearer ${t.commander.token}\r\nContent-Length: 1000\r\n\r\n{"description":`,
    );
    await until(async () => (await otherSessions(t.ownerDatabaseUrl)) > 0);
    const started = Date.now();
    try {
      await t.close({ keepDatabase: true });
      expect(Date.now() - started).toBeLessThan(CLOSE_LIMIT_MS);
      await cut;
      // The pool, the projection runner's lock connection and the helper connection are all gone.
      await until(async () => (await otherSessions(t.ownerDatabaseUrl)) === 0, 5000);
    } finally {
      held.destroy();
      await dropDatabase(t.databaseUrl);
    }
  }, 60_000);

  it('a start that fails (its port is taken) stops what it had started and reports why', async () => {
    const first = await startTestApp();
    const port = Number(new URL(first.baseUrl).port);
    await first.close({ keepDatabase: true });
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      await expect(startTestApp({}, { databaseUrl: first.databaseUrl, port })).rejects.toThrow(/EADDRINUSE/);
      await until(async () => (await otherSessions(first.ownerDatabaseUrl)) === 0, 5000);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
      await dropDatabase(first.databaseUrl);
    }
  }, 60_000);
});
