import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type EventToAppend } from '@app/event-store';
import { startEmbeddedPostgres } from '../../infra/embedded/embedded-postgres.launcher';
import { runMigrations } from '../../infra/database/migrations';

/** DATABASE_URL if set, else a private embedded cluster under `.data/pg-bench` (never the app's or the tests'). */
export async function benchDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  const external = process.env.DATABASE_URL;
  const handle = external
    ? { url: external, stop: () => Promise.resolve() }
    : await startEmbeddedPostgres({ name: 'pg-bench', database: 'command_bench' });
  await runMigrations(handle.url);
  return handle;
}

/** Nearest-rank percentile of a sorted array, in the array's unit. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const seconds = (): number => Number(process.env.BENCH_SECONDS ?? 5);

/** With the JSON framing, about 100 bytes of data per event. */
export const BENCH_PAYLOAD = 'x'.repeat(80);

/** `count` events of the benches' own type, each carrying the payload above, ready to append. */
export function benchEvents(count: number): EventToAppend[] {
  return Array.from({ length: count }, () => ({
    id: randomUUID(),
    type: 'BenchAppended',
    data: { payload: BENCH_PAYLOAD },
    metadata: {
      correlationId: 'bench',
      causationId: 'bench',
      actorId: 'bench',
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  }));
}

/**
 * Runs a bench against the bench database and a PostgreSQL event store on it (named `applicationName` in
 * pg_stat_activity), closing both however the bench ends; a failure is printed and the process exits with 1.
 */
export function runStoreBench(
  options: { applicationName: string; poolSize?: number },
  bench: (store: PostgresEventStore, databaseUrl: string) => Promise<void>,
): void {
  const run = async (): Promise<void> => {
    const database = await benchDatabase();
    const store = new PostgresEventStore({ connectionString: database.url, log: () => undefined, ...options });
    try {
      await bench(store, database.url);
    } finally {
      await store.close();
      await database.stop();
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
