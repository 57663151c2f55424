import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startServerProcess, type ServerProcess } from '../../bench/support/server-process';
import { createEmptyDatabase } from '../support/empty-database';

/**
 * Several API processes started at the same moment on a fresh database (replicas of one deployment): the migration
 * lock (infra/database/migrations.ts) lets one migrate while the other waits and then finds nothing to do, so both
 * start, every migration is applied once, and one administrator is created.
 */
describe('two API processes starting together on a fresh database', () => {
  jest.setTimeout(180_000);
  let database: Awaited<ReturnType<typeof createEmptyDatabase>> | undefined;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createEmptyDatabase();
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
  });

  it('both become ready and each migration is applied exactly once', async () => {
    const env = {
      AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url'),
      DATABASE_OWNER_URL: database!.ownerUrl,
    };
    const started = await Promise.allSettled(
      ['replica-a', 'replica-b'].map((name) =>
        startServerProcess({ name, databaseUrl: database!.url, env, timeoutMs: 150_000 }),
      ),
    );
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
    // A start that failed says why (its output is in the error).
    expect(started.filter((r) => r.status === 'rejected')).toEqual([]);

    for (const server of servers) {
      const ready = await fetch(`${server.baseUrl}/health/ready`);
      expect(ready.status).toBe(200);
      expect(server.output()).not.toMatch(/duplicate key|failed to start/);
    }
    const sql = new Client({ connectionString: database!.ownerUrl });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ name: string; times: number }>(
        'select name, count(*)::int as times from migrations group by name order by name',
      );
      expect(rows.length).toBeGreaterThan(40);
      expect(rows.filter((r) => r.times !== 1)).toEqual([]);
      const admins = await sql.query(`select username from users where 'admin' = any(roles)`);
      expect(admins.rows).toEqual([{ username: 'admin' }]);
    } finally {
      await sql.end();
    }
  });
});
