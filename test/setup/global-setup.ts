import { startEmbeddedPostgres } from '../../infra/embedded/embedded-postgres.launcher';
import { runMigrations } from '../../infra/database/migrations';

/**
 * One PostgreSQL for the whole run: DATABASE_URL if set, else an embedded cluster under `.data/pg-test`.
 * Migrations run once here; suites share the database and use fresh ids (ARCHITECTURE.md, Tests).
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    const handle = await startEmbeddedPostgres({ name: 'pg-test', database: 'command_test' });
    process.env.DATABASE_URL = handle.url;
    (globalThis as { __EMBEDDED_PG__?: typeof handle }).__EMBEDDED_PG__ = handle;
  }
  try {
    await runMigrations(process.env.DATABASE_URL);
  } catch (error) {
    // Jest reports a failed global setup as "reason: undefined"; say what failed, then stop the embedded server.
    process.stderr.write(`\nmigrations failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    await (globalThis as { __EMBEDDED_PG__?: { stop(): Promise<void> } }).__EMBEDDED_PG__?.stop();
    throw error;
  }
  // Printed here, in the main process, because jest drops console output of a suite whose tests are all skipped.
  if (!process.env.KURRENTDB_URL) process.stdout.write('\nKurrentDB event-store contract suite: skipped: KURRENTDB_URL not set\n');
}
