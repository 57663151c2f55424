import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { runMigrations } from '../../infra/database/migrations';

/**
 * A database of its own for a suite that runs a whole application: projections are owned by one process
 * (advisory lock), so two apps on one database would take turns instead of both projecting.
 * Migrated as the owner (DATABASE_URL); `url` connects as the least-privileged application role the global setup
 * prepared (TEST_APP_DATABASE_URL), `ownerUrl` as the owner, for tests that inspect or set up what the app may not.
 */
export async function createTestDatabase(): Promise<{ url: string; ownerUrl: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL!;
  const name = `e2e_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const template = process.env.TEST_TEMPLATE_DATABASE;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const ownerUrl = withDatabase(base, name);
  const appBase = process.env.TEST_APP_DATABASE_URL;
  // A copy of the template is migrated already; without one (a suite run outside the global setup) migrate here.
  if (!template)
    await runMigrations(ownerUrl, { appRole: appBase ? decodeURIComponent(new URL(appBase).username) : undefined });
  return {
    url: appBase ? withDatabase(appBase, name) : ownerUrl,
    ownerUrl,
    drop: async () => {
      const client = new Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * The owner's URL for a database the given URL reaches as the application role (the same URL when it already is
 * the owner's, or names a server of its own, as a fault test's private PostgreSQL does).
 */
export function ownerUrlOf(url: string): string {
  const appBase = process.env.TEST_APP_DATABASE_URL;
  if (!appBase || new URL(url).username !== new URL(appBase).username || new URL(url).host !== new URL(appBase).host)
    return url;
  return withDatabase(process.env.DATABASE_URL!, new URL(url).pathname.slice(1));
}

function withDatabase(url: string, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${database}`;
  return copy.toString();
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

/**
 * The migrated database every suite database is copied from (the global setup makes it once per run; its name is
 * this run's own, so two runs against one outside server do not share it). Nothing may stay connected to it: the copy
 * needs it idle.
 */
export async function createTemplateDatabase(base: string): Promise<string> {
  const name = `e2e_template_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const appBase = process.env.TEST_APP_DATABASE_URL;
  await runMigrations(withDatabase(base, name), {
    appRole: appBase ? decodeURIComponent(new URL(appBase).username) : undefined,
  });
  return name;
}

export async function dropTemplateDatabase(): Promise<void> {
  const name = process.env.TEST_TEMPLATE_DATABASE;
  if (!name || !/^e2e_template_[0-9a-f]{12}$/.test(name)) return;
  const client = new Client({ connectionString: process.env.DATABASE_URL! });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
}

/**
 * One database per jest worker, copied from the template, for the suites that use DATABASE_URL itself (the event
 * store's and the projection runner's integration tests): two suites running side by side then never see each
 * other's events, checkpoints or open transactions, as they could not when the run was serial.
 */
export async function createWorkerDatabases(base: string, template: string, workers: number): Promise<string> {
  const prefix = `e2e_worker_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    for (let i = 1; i <= workers; i++) await admin.query(`create database ${prefix}_${i} template ${template}`);
  } finally {
    await admin.end();
  }
  return prefix;
}

export async function dropWorkerDatabases(): Promise<void> {
  const prefix = process.env.TEST_WORKER_DATABASE_PREFIX;
  if (!prefix || !/^e2e_worker_[0-9a-f]{12}$/.test(prefix)) return;
  const client = new Client({ connectionString: process.env.DATABASE_URL! });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
      `${prefix}\\_%`,
    ]);
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
  } finally {
    await client.end();
  }
}

/** The database a worker's suites use as DATABASE_URL (see createWorkerDatabases). */
export function workerDatabaseUrl(base: string, prefix: string, workerId: string): string {
  return withDatabase(base, `${prefix}_${workerId}`);
}
