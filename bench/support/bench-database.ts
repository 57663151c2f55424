import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PostgresEventStore, type EventToAppend } from '@app/event-store';
import { startEmbeddedPostgres } from '../../infra/embedded/embedded-postgres.launcher';
import { runMigrations } from '../../infra/database/migrations';

/**
 * A database of the bench's own, created empty and migrated, dropped when the bench stops: no bench reads another's
 * events or read models. It lives on the cluster of DATABASE_URL (whose role needs CREATEDB) if set, else on a
 * private embedded cluster under `.data/pg-bench` (never the app's or the tests'). BENCH_KEEP_DATABASE=1 keeps it
 * for a look afterwards.
 */
export async function benchDatabase(bench = 'bench'): Promise<{ url: string; stop(): Promise<void> }> {
  const external = process.env.DATABASE_URL;
  const cluster = external
    ? { url: external, stop: () => Promise.resolve() }
    : await startEmbeddedPostgres({ name: 'pg-bench', database: 'command_bench' });
  const name = `${bench.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  try {
    await onCluster(cluster.url, `create database ${name}`);
  } catch (error) {
    await cluster.stop();
    throw new Error(`bench: cannot create its own database ${name} (the role needs CREATEDB): ${String(error)}`);
  }
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  console.log(`bench database: ${name} (fresh, dropped at the end)`);
  return {
    url: url.toString(),
    stop: async () => {
      if (process.env.BENCH_KEEP_DATABASE !== '1')
        await onCluster(cluster.url, `drop database if exists ${name} with (force)`);
      await cluster.stop();
    },
  };
}

async function onCluster(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
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
    const database = await benchDatabase(options.applicationName);
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
