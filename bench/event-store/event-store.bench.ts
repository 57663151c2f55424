import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PostgresEventStore } from '@app/event-store';
import { benchEvents, percentile, runStoreBench, seconds } from '../support/bench-database';

/**
 * Appends/s of the PostgreSQL adapter (1 and 16 concurrent writers × 1-event and 10-event appends, each writer on
 * streams of its own), then catch-up events/s of a global subscription over what was written. Prints figures only.
 */

async function phase(
  store: PostgresEventStore,
  category: string,
  writers: number,
  batch: number,
  label = '',
): Promise<void> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds() * 1000;
  const writer = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const started = performance.now();
      await store.append(`${category}-${randomUUID()}`, benchEvents(batch), 'no_stream');
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: writers }, writer));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const appends = latencies.length / elapsed;
  console.log(
    `${label}${String(writers).padStart(2)} writer(s) × ${String(batch).padStart(2)}-event appends: ` +
      `${appends.toFixed(0).padStart(6)} appends/s  ${(appends * batch).toFixed(0).padStart(7)} events/s  ` +
      `p50 ${percentile(latencies, 50).toFixed(2)} ms  p99 ${percentile(latencies, 99).toFixed(2)} ms`,
  );
}

async function catchUp(store: PostgresEventStore, category: string): Promise<void> {
  const subscription = store.subscribeAll({ filter: { kind: 'category', categories: [category] } });
  const started = performance.now();
  let delivered = 0;
  for await (const message of subscription) {
    if (message.kind === 'caughtUp') break;
    delivered++;
  }
  const elapsed = (performance.now() - started) / 1000;
  await subscription.close();
  console.log(
    `catch-up subscription: ${delivered} events in ${elapsed.toFixed(2)} s = ${(delivered / elapsed).toFixed(0)} events/s`,
  );
}

runStoreBench({ applicationName: 'bench', poolSize: 20 }, async (store) => {
  const category = `bench${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  console.log(`PostgreSQL event store, ${seconds()} s per phase (BENCH_SECONDS), node ${process.version}`);
  await phase(store, `${category}warm`, 4, 1, '(warm-up) '); // connections, plans, caches
  for (const writers of [1, 16]) for (const batch of [1, 10]) await phase(store, category, writers, batch);
  await catchUp(store, category);
});
