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
