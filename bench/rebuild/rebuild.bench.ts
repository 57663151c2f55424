import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@app/event-store';
import { LiveDeltaBus } from '@app/event-sourcing';
import { ProjectionRunner } from '@app/event-sourcing/projections';
import { incidentEntities, incidentProjections } from '@app/incidents';
import { identityEntities, loadJurisdictionRegistry, PasswordHasher } from '@app/identity';
import { teamEntities, teamProjections } from '@app/teams';
import { warehouseEntities, warehouseProjections } from '@app/warehouses';
import { validateConfig } from '@app/shared/nest';
import { createApp } from '../../apps/command-api/src/bootstrap';
import { percentile, runStoreBench } from '../support/bench-database';
import { appendAll, generated, incidentStreamEvents } from './rebuild.events';

/**
 * Rebuild speed (docs/performance.md). (1) Generates EVENTS (default 1,000,000) across incidents, teams and warehouses — real events, made
 * by the contexts' own pure deciders — then times a full rebuild of every read model of those contexts (goal ≥ 20,000
 * events/s). (2) Times GET /incidents/{id}/state?at= on an incident stream of 10,000 events (goal < 50 ms). Prints
 * figures only (`npm run bench:rebuild`; EVENTS=100000 for a quick run).
 */
const TOTAL = Number(process.env.EVENTS ?? 1_000_000);

async function rebuild(url: string, store: PostgresEventStore): Promise<void> {
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
  let total = 0;
  const started = performance.now();
  try {
    for (const projection of projections) {
      const t0 = performance.now();
      const replayed = await runner.rebuild(projection.name, () => undefined);
      const s = (performance.now() - t0) / 1000;
      total += replayed;
      console.log(
        `  ${projection.name.padEnd(20)} ${String(replayed).padStart(9)} events in ${s.toFixed(1).padStart(6)} s = ${Math.round(
          replayed / s,
        )
          .toString()
          .padStart(7)} events/s`,
      );
    }
  } finally {
    await runner.stop();
    await dataSource.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `full rebuild: ${total} events applied in ${seconds.toFixed(1)} s = ${Math.round(total / seconds)} events/s (goal ≥ 20,000)`,
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
  const long = await appendLongIncident(store);
  console.log(
    `generated and appended ${written + long.events} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await rebuild(databaseUrl, store);
  await stateAt(databaseUrl, long);
});
