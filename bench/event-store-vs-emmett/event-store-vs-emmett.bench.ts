import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store';
import { BENCH_PAYLOAD, benchDatabase, benchEvents, percentile, seconds } from '../support/bench-database';

/**
 * Event store throughput (docs/performance.md): in ONE run on one PostgreSQL, our adapter and Emmett's PostgreSQL event store append ~100-byte
 * events to fresh `incident-<uuid>` streams (1 and 16 writers × 1- and 10-event appends, BENCH_SECONDS per phase after
 * a warm-up), with raw single-statement INSERT commits as the ceiling. Prints appends/s, events/s, p50/p99 and the
 * ratios ours/Emmett and ours/ceiling. Figures only, no assertions (`npm run bench:event-store-vs-emmett`).
 */
const PHASES = [
  { writers: 1, batch: 1 },
  { writers: 1, batch: 10 },
  { writers: 16, batch: 1 },
  { writers: 16, batch: 10 },
] as const;

/** Our store's group-commit slots (ADR 0025), to compare settings: APPEND_SLOTS=20 sends every append alone. */
const SLOTS = Number(process.env.APPEND_SLOTS ?? 4);

interface Contender {
  name: string;
  append(stream: string, batch: number): Promise<unknown>;
  close(): Promise<void>;
}

interface Result {
  appendsPerSecond: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
}

function ours(url: string): Contender {
  const store = new PostgresEventStore({
    connectionString: url,
    poolSize: 20,
    groupCommit: { slots: SLOTS },
    log: () => undefined,
    applicationName: 'bench-ours',
  });
  return {
    name: 'ours',
    append: (stream, n) => store.append(stream, benchEvents(n), 'no_stream'),
    close: () => store.close(),
  };
}

function emmett(url: string): Contender {
  const store = getPostgreSQLEventStore(url);
  const events = (n: number) =>
    Array.from({ length: n }, () => ({ type: 'BenchAppended', data: { payload: BENCH_PAYLOAD } }));
  return {
    name: 'Emmett',
    append: (stream, n) => store.appendToStream(stream, events(n), { expectedStreamVersion: STREAM_DOES_NOT_EXIST }),
    close: () => store.close(),
  };
}

/** The ceiling: one INSERT statement per append, autocommitted — what PostgreSQL itself costs here. */
async function ceiling(url: string): Promise<Contender> {
  const pool = new Pool({ connectionString: url, max: 20, application_name: 'bench-ceiling' });
  await pool.query(
    'create table if not exists bench_ceiling (id bigint generated always as identity primary key, stream text not null, data jsonb not null)',
  );
  return {
    name: 'raw INSERT',
    append: (stream, n) => {
      const values = Array.from({ length: n }, (_, i) => `($1, $${i + 2})`).join(', ');
      return pool.query(`insert into bench_ceiling (stream, data) values ${values}`, [
        stream,
        ...Array.from({ length: n }, () => JSON.stringify({ payload: BENCH_PAYLOAD })),
      ]);
    },
    close: () => pool.end(),
  };
}

async function phase(contender: Contender, writers: number, batch: number, secondsPerPhase: number): Promise<Result> {
  const latencies: number[] = [];
  const deadline = performance.now() + secondsPerPhase * 1000;
  const writer = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const started = performance.now();
      await contender.append(`incident-${randomUUID()}`, batch);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: writers }, writer));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const appendsPerSecond = latencies.length / elapsed;
  return {
    appendsPerSecond,
    eventsPerSecond: appendsPerSecond * batch,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const line = (name: string, r: Result) =>
  `  ${name.padEnd(11)} ${r.appendsPerSecond.toFixed(0).padStart(6)} appends/s ${r.eventsPerSecond.toFixed(0).padStart(7)} events/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(7)} ms`;

/** The package's exports map hides package.json; read it next to the resolved entry (dist/index.cjs). */
function emmettVersion(): string {
  const entry = require.resolve('@event-driven-io/emmett-postgresql');
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  const database = await benchDatabase('bench_event_store_vs_emmett');
  const contenders = [ours(database.url), emmett(database.url), await ceiling(database.url)];
  const secondsPerPhase = seconds();
  try {
    console.log(
      `event store vs Emmett ${emmettVersion()} on one PostgreSQL, ${secondsPerPhase} s per phase (BENCH_SECONDS), our group-commit slots ${SLOTS} (APPEND_SLOTS), node ${process.version}`,
    );
    // Warm-up: schema creation (Emmett creates its own on first use), connections, plans, caches.
    for (const c of contenders) await phase(c, 4, 1, Math.min(2, secondsPerPhase));
    const summary: string[] = [];
    for (const { writers, batch } of PHASES) {
      console.log(`${writers} writer(s) × ${batch}-event appends`);
      const results = new Map<string, Result>();
      // Interleaved per phase so drift in the machine's state hurts each contender alike.
      for (const c of contenders) {
        const r = await phase(c, writers, batch, secondsPerPhase);
        results.set(c.name, r);
        console.log(line(c.name, r));
      }
      const [o, e, ceil] = [results.get('ours')!, results.get('Emmett')!, results.get('raw INSERT')!];
      const text = `ours/Emmett ${(o.appendsPerSecond / e.appendsPerSecond).toFixed(2)}×  ours/ceiling ${(o.appendsPerSecond / ceil.appendsPerSecond).toFixed(2)}×  p99 ours ${o.p99.toFixed(2)} ms vs Emmett ${e.p99.toFixed(2)} ms`;
      console.log(`  ${text}`);
      summary.push(`${String(writers).padStart(2)}×${String(batch).padStart(2)}: ${text}`);
    }
    console.log(`\nsummary\n${summary.join('\n')}`);
  } finally {
    for (const c of contenders) await c.close().catch(() => undefined);
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
