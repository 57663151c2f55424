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
import { identityEntities, loadJurisdictionRegistry } from '@app/identity';
import { teamEntities, teamProjections } from '@app/teams';
import { warehouseEntities, warehouseProjections } from '@app/warehouses';
import { BENCH_PAYLOAD, runStoreBench } from '../support/bench-database';
import { appendAll, generated } from './rebuild.events';

/**
 * Rebuild speed (docs/performance.md). Generates EVENTS (default 1,000,000) across incidents, teams and
 * warehouses — real events, made by the contexts' own pure deciders — then times a full rebuild of every read model of
 * those contexts, once per PARALLEL setting (projections rebuilt at a time; default 1 then 2), and beside it the
 * ceiling: as many rows written by bare multi-row inserts into a plain table of the same database (goal ≥ 20,000
 * events/s). Time travel (state?at) has its own bench, bench/state-at. Prints figures only (`npm run bench:rebuild`;
 * EVENTS=100000 for a quick run).
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

runStoreBench({ applicationName: 'bench-rebuild', poolSize: 20 }, async (store, databaseUrl) => {
  console.log(`rebuild bench: generating ~${TOTAL.toLocaleString('en')} events (EVENTS), node ${process.version}`);
  const t0 = performance.now();
  const written = await appendAll(store, generated(new Date(), TOTAL));
  console.log(`generated and appended ${written} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
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
});
