import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { runMigrations } from '../../infra/database/migrations';

/**
 * A database of its own for a suite that runs a whole application: projections are owned by one process
 * (advisory lock), so two apps on one database would take turns instead of both projecting.
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL!;
  const name = `e2e_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Drops a suite database by its URL (a restart test's second application drops what the first one created). */
export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^e2e_[0-9a-f]{12}$/.test(name)) throw new Error(`refusing to drop ${name}: not a suite database`);
  const client = new Client({ connectionString: process.env.DATABASE_URL! });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
}
