import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type Position } from '@app/event-store';
import { LiveDeltaBus } from '@app/event-sourcing';
import { ProjectionRunner } from '@app/event-sourcing/projections';
import { incidentEntities, incidentProjections } from '@app/incidents';
import { identityEntities, loadJurisdictionRegistry, PasswordHasher } from '@app/identity';
import { teamEntities, teamProjections } from '@app/teams';
import { warehouseEntities, warehouseProjections } from '@app/warehouses';
import { validateConfig } from '@app/shared/nest';
import { createApp } from '../../apps/command-api/src/bootstrap';
import { BENCH_PAYLOAD, percentile, runStoreBench } from '../support/bench-database';
import { appendAll, generated, incidentStreamEvents } from './rebuild.events';

/**
 * Rebuild speed (docs/performance.md). (1) Generates EVENTS (default 1,000,000) across incidents, teams and
 * warehouses — real events, made by the contexts' own pure deciders — then times a full rebuild of every read model of
 * those contexts, once per PARALLEL setting (projections rebuilt at a time; default 1 then 2), and beside it the
 * ceiling: as many rows written by bare multi-row inserts into a plain table of the same database (goal ≥ 20,000
 * events/s). (2) Times GET /incidents/{id}/state?at= on an incident stream of 10,000 events (goal < 50 ms). Prints
 * figures only (`npm run bench:rebuild`; EVENTS=100000 for a quick run; STATE_AT=0 leaves (2) out).
 */
const TOTAL = Number(process.env.EVENTS ?? 1_000_000);
/** How many projections rebuild at a time, one pass each (`PARALLEL=1,2` measures both; the faster is the figure). */
const PARALLEL = (process.env.PARALLEL ?? '1,2').split(',').map(Number);

async function rebuild(url: string, store: PostgresEventStore, parallel: number): Promise<RebuildPass> {
  const dataSource = await new DataSource({
    type: 'postgres',
    url,
    entities: [...incidentEntities, ...teamEntities, ...warehouseEntities, ...identityEntities],
  }).initialize();
  const jurisdictions = await loadJurisdictionRegistry(dataSource);
  const projections = [
    ...incidentProjections(jurisdictions),
    ...teamProjections(jurisdictions),
    ...warehouseProjections(jurisdictions),
  ];
  const runner = new ProjectionRunner(dataSource, store, projections, new LiveDeltaBus());
  console.log(`rebuild, ${parallel} projection(s) at a time:`);
  const started = performance.now();
  let replayed: Map<string, number>;
  try {
    replayed = await runner.rebuildAll(
      // The longest first, so that a second lane takes the short ones meanwhile.
      projections.map((p) => p.name).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)),
      parallel,
      (name, count, s) =>
        console.log(
          `  ${name.padEnd(20)} ${String(count).padStart(9)} events in ${s.toFixed(1).padStart(6)} s = ${Math.round(
            count / s,
          )
            .toString()
            .padStart(7)} events/s`,
        ),
    );
  } finally {
    await runner.stop();
    await dataSource.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  const total = [...replayed.values()].reduce((a, b) => a + b, 0);
  console.log(
    `  all, ${parallel} at a time: ${total} events applied in ${seconds.toFixed(1)} s = ${Math.round(total / seconds)} events/s (goal ≥ 20,000)`,
  );
  return { parallel, total, seconds };
}

interface RebuildPass {
  parallel: number;
  total: number;
  seconds: number;
}

const ORDER = ['incident-board', 'incident-timeline', 'incident-accounts', 'warehouse-stock', 'team-availability'];

/**
 * The ceiling: the same number of rows, about as wide as a timeline line, written by bare multi-row inserts (1,000 rows
 * a statement, 5,000 a transaction: a rebuild's batch) into a plain table of the same database, in the same run.
 */
async function ceiling(url: string, rows: number): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'create table bench_ceiling (id uuid primary key, stream text not null, revision bigint not null, summary text not null, at timestamptz not null, position text not null)',
    );
    const t0 = performance.now();
    for (let done = 0; done < rows;) {
      await client.query('begin');
      for (const end = Math.min(rows, done + 5_000); done < end;) {
        const n = Math.min(1_000, end - done);
        const params: unknown[] = [];
        const tuples: string[] = [];
        for (let k = 0; k < n; k++) {
          const base = params.length;
          params.push(
            randomUUID(),
            `incident-${done + k}`,
            done + k,
            BENCH_PAYLOAD,
            new Date(),
            `${done + k}/${done + k}`,
          );
          tuples.push(`($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6})`);
        }
        await client.query(`insert into bench_ceiling values ${tuples.join(', ')}`, params);
        done += n;
      }
      await client.query('commit');
    }
    const seconds = (performance.now() - t0) / 1000;
    const rate = rows / seconds;
    console.log(
      `ceiling: ${rows} rows by bare multi-row inserts in ${seconds.toFixed(1)} s = ${Math.round(rate)} rows/s`,
    );
    return rate;
  } finally {
    await client.query('drop table if exists bench_ceiling').catch(() => undefined);
    await client.end();
  }
}

/**
 * How much of a rebuild is reading: the board's events (its filter, the catch-up's pages of 5,000) read and decoded,
 * nothing applied.
 */
async function readOnly(store: PostgresEventStore): Promise<void> {
  const filter = { kind: 'category', categories: ['incident', 'warehouse'] } as const;
  const t0 = performance.now();
  let events = 0;
  for (let after: Position | undefined, page = await store.readAll({ filter, maxCount: 5_000 }); page.length > 0;) {
    events += page.length;
    after = page[page.length - 1]!.position;
    page = page.length < 5_000 ? [] : await store.readAll({ after, filter, maxCount: 5_000 });
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `reading alone: the board's ${events} events in pages of 5,000 in ${seconds.toFixed(1)} s = ${Math.round(events / seconds)} events/s`,
  );
}

/** The long incident is appended before the rebuild, so the rebuilt board knows it (the endpoint checks scope there). */
async function appendLongIncident(
  store: PostgresEventStore,
): Promise<{ incidentId: string; events: number; middle: Date }> {
  const events = incidentStreamEvents(0, 9_999, new Date(Date.now() - 3 * 3_600_000));
  const incidentId = (events[0]!.data as { incidentId: string }).incidentId;
  const t0 = Date.now();
  await appendAll(store, [[`incident-${incidentId}`, events]]);
  // state?at is about recorded time: the middle of the append is about half-way through the stream.
  return { incidentId, events: events.length, middle: new Date((t0 + Date.now()) / 2) };
}

async function stateAt(url: string, long: { incidentId: string; events: number; middle: Date }): Promise<void> {
  const { incidentId, middle } = long;
  const events = { length: long.events };
  // Projections stay off: the rebuilt read models are what the endpoint reads, and the synthetic dispatches point at
  // incidents that do not exist (the dispatch process manager would retry them forever).
  const app = await createApp({
    ...validateConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000000',
    }),
    DATABASE_URL: url,
    RUN_PROJECTIONS: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const address = app.getHttpServer().address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const username = `bench${randomUUID().slice(0, 8)}`;
    const password = `pw-${randomUUID()}`;
    const hash = await app.get(PasswordHasher).hash(password);
    await app
      .get(DataSource)
      .query(
        `insert into users (id, username, display_name, password_hash, roles, jurisdiction, created_by) values ($1, $2, '压测', $3, '{viewer}', '640500', 'bench')`,
        [randomUUID(), username, hash],
      );
    const login = (await (
      await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      })
    ).json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${login.accessToken}` };
    // The board must know the incident (scope check) before state?at can answer.
    for (let tries = 0; tries < 600; tries++) {
      if ((await fetch(`${base}/api/v1/incidents/${incidentId}`, { headers })).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const latencies: number[] = [];
    for (let k = 0; k < 30; k++) {
      const t0 = performance.now();
      const response = await fetch(
        `${base}/api/v1/incidents/${incidentId}/state?at=${encodeURIComponent(k % 2 ? middle.toISOString() : new Date().toISOString())}`,
        { headers },
      );
      await response.text();
      if (response.status !== 200) throw new Error(`state?at answered ${response.status}`);
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `GET /incidents/{id}/state?at= on a ${events.length}-event stream: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (30 calls; goal < 50 ms)`,
    );
  } finally {
    await app.close();
  }
}

runStoreBench({ applicationName: 'bench-rebuild', poolSize: 20 }, async (store, databaseUrl) => {
  console.log(`rebuild bench: generating ~${TOTAL.toLocaleString('en')} events (EVENTS), node ${process.version}`);
  const t0 = performance.now();
  const written = await appendAll(store, generated(new Date(), TOTAL));
  // The state-at measurement's long stream (left out, with the measurement, by STATE_AT=0).
  const withStateAt = process.env.STATE_AT !== '0';
  const long = withStateAt ? await appendLongIncident(store) : undefined;
  console.log(
    `generated and appended ${written + (long?.events ?? 0)} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const passes: RebuildPass[] = [];
  for (const parallel of PARALLEL) passes.push(await rebuild(databaseUrl, store, parallel));
  const best = passes.reduce((a, b) => (b.total / b.seconds > a.total / a.seconds ? b : a));
  const rate = best.total / best.seconds;
  const bare = await ceiling(databaseUrl, best.total);
  await readOnly(store);
  console.log(
    `full rebuild: ${Math.round(rate)} events/s (${best.parallel} at a time) = ${(rate / 20_000).toFixed(2)} of the goal (20,000), ${(rate / bare).toFixed(2)} of the ceiling (${Math.round(bare)} rows/s); load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  if (long) await stateAt(databaseUrl, long);
});
