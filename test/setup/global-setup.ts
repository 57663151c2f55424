import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '../../infra/embedded/embedded-postgres.launcher';
import { runMigrations } from '../../infra/database/migrations';
import { ensureLoginRole } from '../../infra/database/roles';
import { createTemplateDatabase, createWorkerDatabases } from '../support/test-database';

/** The application role suites connect as when DATABASE_URL points at an outside server (made here if allowed). */
const OUTSIDE_APP_ROLE = 'command_app_test';

/**
 * One PostgreSQL for the whole run: DATABASE_URL if set, else an embedded cluster under `.data/pg-test`.
 * Migrations run once here; suites share the database and use fresh ids (README, Tests).
 * DATABASE_URL stays the owner (suites create databases and inspect them with it); TEST_APP_DATABASE_URL is the
 * least-privileged application role every started app connects as (test/support/test-database.ts), so the whole
 * suite shows the API works with the grants of infra/database/roles.ts and no more.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  if (!process.env.DATABASE_URL) {
    const handle = await startEmbeddedPostgres({ name: 'pg-test', database: 'command_test' });
    process.env.DATABASE_URL = handle.url;
    process.env.TEST_APP_DATABASE_URL = handle.appUrl;
    (globalThis as { __EMBEDDED_PG__?: typeof handle }).__EMBEDDED_PG__ = handle;
  } else if (!process.env.TEST_APP_DATABASE_URL) {
    const password = randomBytes(18).toString('base64url');
    try {
      await ensureLoginRole(process.env.DATABASE_URL, OUTSIDE_APP_ROLE, password);
      const url = new URL(process.env.DATABASE_URL);
      url.username = OUTSIDE_APP_ROLE;
      url.password = password;
      process.env.TEST_APP_DATABASE_URL = url.toString();
    } catch (error) {
      process.stdout.write(
        `\nthe DATABASE_URL role cannot create roles (${error instanceof Error ? error.message : String(error)}): apps run as the owner role\n`,
      );
    }
  }
  try {
    const appUrl = process.env.TEST_APP_DATABASE_URL;
    await runMigrations(process.env.DATABASE_URL, {
      appRole: appUrl ? decodeURIComponent(new URL(appUrl).username) : undefined,
    });
  } catch (error) {
    // Jest reports a failed global setup as "reason: undefined"; say what failed, then stop the embedded server.
    process.stderr.write(`\nmigrations failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    await (globalThis as { __EMBEDDED_PG__?: { stop(): Promise<void> } }).__EMBEDDED_PG__?.stop();
    throw error;
  }
  // Every suite that runs an application gets a database of its own: copying a migrated template is several times
  // faster than migrating each one (test/support/test-database.ts), and the copies are migrated exactly alike.
  process.env.TEST_TEMPLATE_DATABASE = await createTemplateDatabase(process.env.DATABASE_URL);
  // Suites run side by side (one per worker): each worker's suites get a database of their own as DATABASE_URL.
  process.env.TEST_WORKER_DATABASE_PREFIX = await createWorkerDatabases(
    process.env.DATABASE_URL,
    process.env.TEST_TEMPLATE_DATABASE,
    Math.max(1, globalConfig.maxWorkers),
  );
  // Printed here, in the main process, because jest drops console output of a suite whose tests are all skipped.
  if (!process.env.KURRENTDB_URL)
    process.stdout.write('\nKurrentDB event-store contract suite: skipped: KURRENTDB_URL not set\n');
}
