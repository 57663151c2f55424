import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { MIGRATION_LOCK_KEY, MIGRATIONS, runMigrations } from './migrations';

/**
 * Two processes starting together on a fresh database (several API replicas, a deployment that starts them at once):
 * the migration lock makes the second wait for the first and then find nothing to do, instead of failing on the
 * migrations table or a type both try to create.
 */
const MIGRATION_COUNT = Object.keys(MIGRATIONS).length;

describe('migrations run by two processes at once', () => {
  jest.setTimeout(120_000);
  const base = process.env.DATABASE_URL!;
  const name = `mig_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = (() => {
    const copy = new URL(base);
    copy.pathname = `/${name}`;
    return copy.toString();
  })();

  beforeAll(async () => {
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
  });

  afterAll(async () => {
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('both succeed, every migration is applied exactly once, and the lock is released', async () => {
    const [first, second] = await Promise.all([runMigrations(url), runMigrations(url)]);
    // One run applied everything, the other waited and found nothing pending.
    expect([first.length, second.length].sort((a, b) => a - b)).toEqual([0, MIGRATION_COUNT]);

    const sql = new Client({ connectionString: url });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ name: string; times: number }>(
        'select name, count(*)::int as times from migrations group by name',
      );
      expect(rows).toHaveLength(MIGRATION_COUNT);
      expect(rows.filter((r) => r.times !== 1)).toEqual([]);
      // Released: this session takes the lock at once (pg_try_advisory_lock does not wait).
      const { rows: lock } = await sql.query<{ taken: boolean }>('select pg_try_advisory_lock($1::bigint) as taken', [
        MIGRATION_LOCK_KEY,
      ]);
      expect(lock[0]!.taken).toBe(true);
    } finally {
      await sql.end();
    }
    // A third run later has nothing to do.
    expect(await runMigrations(url)).toEqual([]);
  });
});
