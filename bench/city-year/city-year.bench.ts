import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type EventToAppend } from '@app/event-store';
import { LiveDeltaBus } from '@app/event-sourcing';
import { ProjectionRunner } from '@app/event-sourcing/projections';
import { alarmEntities, alarmProjections } from '@app/alarms';
import { incidentEntities, incidentProjections } from '@app/incidents';
import { identityEntities, loadJurisdictionRegistry, PasswordHasher } from '@app/identity';
import { teamEntities, teamProjections } from '@app/teams';
import { warehouseEntities, warehouseProjections } from '@app/warehouses';
import { zonedPeriods } from '@app/shared';
import { validateConfig } from '@app/shared/nest';
import { createApp } from '../../apps/command-api/src/bootstrap';
import { benchDatabase, percentile } from '../support/bench-database';
import { cityAlarmEvents, cityIncidentEvents, cityTeamEvents, cityWarehouseEvents } from './city-year.events';

/**
 * The read side on a year of a large city (docs/performance.md section 6). Loads INCIDENTS incidents (default
 * 100,000, about 10 events each) received over the year, with TEAMS teams, WAREHOUSES warehouses and ALARMS alarms,
 * all made by the contexts' own deciders and appended in big batches straight through the event store; lets the
 * projections catch up (a rebuild of each); then times over HTTP, with one caller and with eight at once: the board
 * list with filters and paging, an incident's detail and timeline, the year's statistics, compliance for a month and
 * the year, and the alarms. Goal p99 < 100 ms with one caller, < 300 ms with eight. Prints figures only
 * (`npm run bench:city-year`; INCIDENTS=10000 for a quick run; CALLS calls per endpoint and caller).
 */
const INCIDENTS = Number(process.env.INCIDENTS ?? 100_000);
const TEAMS = Number(process.env.TEAMS ?? Math.max(10, Math.round(INCIDENTS / 250)));
const WAREHOUSES = Number(process.env.WAREHOUSES ?? Math.max(5, Math.round(INCIDENTS / 1000)));
const ALARMS = Number(process.env.ALARMS ?? Math.max(10, Math.round(INCIDENTS / 20)));
const CALLS = Number(process.env.CALLS ?? 20);
/** Compliance for the year may take seconds before it aggregates in SQL: fewer calls, so the bench ends. */
const SLOW_CALLS = Number(process.env.SLOW_CALLS ?? 3);
const CONCURRENT = 8;
const ONE_CALLER_GOAL = 100;
const EIGHT_CALLERS_GOAL = 300;

type Stream = { stream: string; events: EventToAppend[] };

/** Appends whole streams, 64 at once in flight: the store groups them into few transactions (group commit). */
async function load(store: PostgresEventStore, streams: Iterable<Stream>): Promise<number> {
  let written = 0;
  const inFlight = new Set<Promise<void>>();
  for (const { stream, events } of streams) {
    const job = store.append(stream, events, 'no_stream').then(() => {
      written += events.length;
      inFlight.delete(job);
    });
    inFlight.add(job);
    if (inFlight.size >= 64) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return written;
}

function* city(end: Date, ids: string[]): Generator<Stream> {
  for (let i = 0; i < TEAMS; i++) yield cityTeamEvents(i, end);
  for (let i = 0; i < WAREHOUSES; i++) yield cityWarehouseEvents(i, end);
  for (let i = 0; i < ALARMS; i++) yield cityAlarmEvents(i, ALARMS, end);
  for (let i = 0; i < INCIDENTS; i++) {
    const s = cityIncidentEvents(i, INCIDENTS, end);
    if (i % Math.max(1, Math.floor(INCIDENTS / 200)) === 0) ids.push(s.stream.slice('incident-'.length));
    yield s;
  }
}

async function catchUp(url: string, store: PostgresEventStore): Promise<void> {
  const dataSource = await new DataSource({
    type: 'postgres',
    url,
    entities: [...incidentEntities, ...teamEntities, ...warehouseEntities, ...alarmEntities, ...identityEntities],
  }).initialize();
  const jurisdictions = await loadJurisdictionRegistry(dataSource);
  const projections = [
    ...incidentProjections(jurisdictions),
    ...teamProjections(jurisdictions),
    ...warehouseProjections(jurisdictions),
    ...alarmProjections(jurisdictions),
  ];
  const runner = new ProjectionRunner(dataSource, store, projections, new LiveDeltaBus());
  try {
    for (const projection of projections) {
      const t0 = performance.now();
      const applied = await runner.rebuild(projection.name, () => undefined);
      console.log(
        `  ${projection.name.padEnd(20)} ${applied} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    // As autovacuum leaves long-lived read models: statistics gathered and the visibility map set.
    await dataSource.query('vacuum analyze');
  } finally {
    await runner.stop();
    await dataSource.destroy();
  }
}

interface Endpoint {
  name: string;
  path: () => string;
  calls?: number;
}

/** The calls' latencies, sorted, and how many did not answer 200 (a timeout's 503 among them), by status. */
async function timeCalls(base: string, headers: Record<string, string>, endpoint: Endpoint, callers: number) {
  const latencies: number[] = [];
  const failed = new Map<string, number>();
  const calls = endpoint.calls ?? CALLS;
  const caller = async () => {
    for (let k = 0; k < calls; k++) {
      const t0 = performance.now();
      const status = await fetch(`${base}${endpoint.path()}`, { headers }).then(
        async (response) => {
          await response.arrayBuffer();
          return String(response.status);
        },
        () => 'no answer',
      );
      latencies.push(performance.now() - t0);
      if (status !== '200') failed.set(status, (failed.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  return { latencies: latencies.sort((a, b) => a - b), failed };
}

async function measure(url: string, ids: string[], end: Date): Promise<void> {
  // Projections stay off: the caught-up read models are what the endpoints read.
  const app = await createApp({
    ...validateConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url,
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000000',
      // The watches stay quiet: their first pass over a year of generated obligations would raise thousands of
      // alarms while the reads are timed (a load of its own, not the read side's).
      ALARM_TICK_MS: '86400000',
      DEADLINE_TICK_MS: '86400000',
      MONITORING_TICK_MS: '86400000',
      ROLL_CALL_TICK_MS: '86400000',
      HIDDEN_HAZARD_TICK_MS: '86400000',
    }),
    DATABASE_URL: url,
    RUN_PROJECTIONS: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const address = app.getHttpServer().address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;
    const username = `bench${randomUUID().slice(0, 8)}`;
    const password = `pw-${randomUUID()}`;
    const hash = await app.get(PasswordHasher).hash(password);
    await app
      .get(DataSource)
      .query(
        `insert into users (id, username, display_name, password_hash, roles, jurisdiction, created_by) values ($1, $2, '压测', $3, '{commander}', '640500', 'bench')`,
        [randomUUID(), username, hash],
      );
    const login = (await (
      await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      })
    ).json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${login.accessToken}` };

    // A cursor ten pages deep into the whole board, to time a page far from the first.
    let deep = '/incidents?limit=50';
    for (let page = 0; page < 10; page++) {
      const response = await fetch(`${base}${deep}`, { headers });
      await response.arrayBuffer();
      const next = /<[^>]*\/api\/v1([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
      if (!next) break;
      deep = next;
    }
    const iso = (d: Date) => encodeURIComponent(d.toISOString());
    const yearAgo = new Date(end.getTime() - 365 * 86_400_000);
    const monthAgo = new Date(end.getTime() - 30 * 86_400_000);
    const midYear = new Date(end.getTime() - 180 * 86_400_000);
    let n = 0;
    const anId = () => ids[n++ % ids.length]!;
    const endpoints: Endpoint[] = [
      { name: 'board: first page', path: () => '/incidents?limit=50' },
      { name: 'board: open, urgency', path: () => '/incidents?status=open&order=urgency&limit=50' },
      { name: 'board: one county, closed', path: () => '/incidents?jurisdiction=640521&status=closed&limit=50' },
      { name: 'board: text "化工 42"', path: () => `/incidents?q=${encodeURIComponent('化工 42')}&limit=50` },
      {
        name: 'board: one week in mid-year',
        path: () =>
          `/incidents?since=${iso(midYear)}&until=${iso(new Date(midYear.getTime() + 7 * 86_400_000))}&limit=50`,
      },
      { name: 'board: page 11 (cursor)', path: () => deep },
      { name: 'incident detail', path: () => `/incidents/${anId()}` },
      { name: 'incident timeline', path: () => `/incidents/${anId()}/timeline` },
      {
        name: 'statistics: year by month',
        path: () => `/statistics?from=${iso(yearAgo)}&to=${iso(end)}&groupBy=month`,
      },
      {
        name: 'statistics: year by county',
        path: () => `/statistics?from=${iso(yearAgo)}&to=${iso(end)}&groupBy=jurisdiction`,
      },
      {
        name: 'compliance: a month',
        path: () => `/compliance?from=${iso(monthAgo)}&to=${iso(end)}`,
        calls: SLOW_CALLS,
      },
      {
        name: 'compliance: the year',
        path: () => `/compliance?from=${iso(yearAgo)}&to=${iso(end)}`,
        calls: SLOW_CALLS,
      },
      { name: 'alarms', path: () => '/alarms' },
      { name: 'alarms: resolved', path: () => '/alarms?status=resolved' },
    ];
    console.log(
      `\n${'endpoint'.padEnd(30)} ${'1 caller p50 / p99 (ms)'.padStart(24)} ${'8 callers p50 / p99 (ms)'.padStart(25)}  p99 ratio to goal (1 / 8)`,
    );
    for (const endpoint of endpoints) {
      await timeCalls(base, headers, { ...endpoint, calls: 1 }, 1); // warm: plans, caches, connections
      const { latencies: one, failed: failedOne } = await timeCalls(base, headers, endpoint, 1);
      const { latencies: eight, failed: failedEight } = await timeCalls(base, headers, endpoint, CONCURRENT);
      const failures = [...failedOne, ...failedEight].map(([status, n]) => `${n}× ${status}`).join(', ');
      const [p1, p8] = [percentile(one, 99), percentile(eight, 99)];
      console.log(
        `${endpoint.name.padEnd(30)} ${`${percentile(one, 50).toFixed(1)} / ${p1.toFixed(1)}`.padStart(24)} ${`${percentile(eight, 50).toFixed(1)} / ${p8.toFixed(1)}`.padStart(25)}  ${(ONE_CALLER_GOAL / p1).toFixed(2)} / ${(EIGHT_CALLERS_GOAL / p8).toFixed(2)}${one.length < 20 ? `  (${one.length} + ${eight.length} calls)` : ''}${failures ? `  not 200: ${failures}` : ''}`,
      );
    }
    console.log(
      `goal: p99 < ${ONE_CALLER_GOAL} ms with one caller, < ${EIGHT_CALLERS_GOAL} ms with eight (ratio ≥ 1 meets it)`,
    );
    if (process.env.EXPLAIN === '1') await explain(app.get(DataSource), ids[0]!, yearAgo, end);
  } finally {
    await app.close();
  }
}

/** EXPLAIN=1: the plans of the main queries of the read paths timed above, as the queries run them. */
async function explain(dataSource: DataSource, incidentId: string, from: Date, to: Date): Promise<void> {
  const scope = ['640500', '640502', '640521', '640522', '640571'];
  const months = zonedPeriods(from, to, 'month', 'Asia/Shanghai', 100) ?? [];
  const queries: [string, string, unknown[]][] = [
    [
      'board page keys (newest accident first, one county, closed)',
      `select board_occurred_desc::text as key0, id::text as key1 from incident_board
        where drill_id is null and board_open_rank = 1 and jurisdiction = any($1::text[])
        order by board_occurred_desc, id limit 51`,
      [['640521']],
    ],
    [
      'board page count (the whole board)',
      `select count(*)::text as total, count(*) filter (where board_open_rank = 0)::text as open
         from incident_board where drill_id is null and jurisdiction = any($1::text[])`,
      [scope],
    ],
    [
      'board page keys (urgency, open)',
      `select board_open_rank::text, board_due_us::text, board_grade_rank::text, board_received_desc::text, id::text
         from incident_board where drill_id is null and board_open_rank = 0 and jurisdiction = any($1::text[])
        order by board_open_rank, board_due_us, board_grade_rank, board_received_desc, id limit 51`,
      [scope],
    ],
    [
      'incident detail',
      `select * from incident_board where id = $1 and jurisdiction = any($2::text[])`,
      [incidentId, scope],
    ],
    ['incident timeline', `select * from incident_timeline where incident_id = $1 order by line`, [incidentId]],
    [
      'statistics, the year by month (each calendar month over its own index range; the total is their sum)',
      `select p.k, a.*
         from unnest($4::timestamptz[], $5::timestamptz[]) with ordinality as p(starts, ends, k)
         cross join lateral (
           select count(*)::int as incidents, coalesce(sum(stat_deaths), 0)::int, coalesce(sum(stat_missing), 0)::int,
                  coalesce(sum(stat_serious_injuries), 0)::int, coalesce(sum(stat_minor_injuries), 0)::int,
                  coalesce(sum(coalesce(direct_loss_yuan, 0)), 0)::text, (count(*) filter (where grade = 'major'))::int
             from incident_board
            where drill_id is null and jurisdiction = any($1)
              and occurred_at >= greatest(p.starts, $2) and occurred_at < least(p.ends, $3)) a`,
      [scope, from, to, months.map((m) => m.start), [...months.slice(1).map((m) => m.start), to]],
    ],
    [
      'alarms, first page',
      `select * from alarms where jurisdiction = any($1::text[])
        order by (case status when 'raised' then 0 when 'acknowledged' then 1 else 2 end), urgency, id limit 200`,
      [scope],
    ],
  ];
  for (const [name, sql, params] of queries) {
    const plan = await dataSource.query<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${sql}`, params);
    console.log(`\n-- ${name}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
}

/**
 * CITY_YEAR_DATABASE=<url of a database an earlier run kept with BENCH_KEEP_DATABASE=1>: times the reads again on its
 * year without loading and catching up (an hour at full size on this machine), e.g. after a change to a read path.
 */
async function remeasure(url: string): Promise<void> {
  const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
  try {
    const [{ end }] = await dataSource.query<{ end: Date }[]>(`select max(reported_at) as end from incident_board`);
    const ids = (
      await dataSource.query<{ id: string }[]>(`select id from incident_board order by random() limit 1000`)
    ).map((r) => r.id);
    console.log(`city year again: ${url.replace(/:[^:@/]*@/, ':***@')}, ${ids.length} incidents sampled`);
    await measure(url, ids, end);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  if (process.env.CITY_YEAR_DATABASE) return remeasure(process.env.CITY_YEAR_DATABASE);
  const database = await benchDatabase('bench_city_year');
  const store = new PostgresEventStore({
    connectionString: database.url,
    poolSize: 16,
    log: () => undefined,
    applicationName: 'bench-city-year',
  });
  try {
    console.log(
      `city year: ${INCIDENTS} incidents (INCIDENTS), ${TEAMS} teams, ${WAREHOUSES} warehouses, ${ALARMS} alarms, node ${process.version}`,
    );
    const end = new Date();
    const ids: string[] = [];
    const t0 = performance.now();
    const written = await load(store, city(end, ids));
    const s = (performance.now() - t0) / 1000;
    console.log(`loaded ${written} events in ${s.toFixed(1)} s (${Math.round(written / s)} events/s)`);
    const t1 = performance.now();
    await catchUp(database.url, store);
    console.log(`projections caught up in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    await measure(database.url, ids, end);
  } finally {
    await store.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
