import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@app/event-store';
import { LiveDeltaBus } from '@app/event-sourcing';
import { ProjectionRunner } from '@app/event-sourcing/projections';
import { incidentEntities, incidentProjections } from '@app/incidents';
import { identityEntities, loadJurisdictionRegistry } from '@app/identity';
import { teamEntities, teamProjections } from '@app/teams';
import { warehouseEntities, warehouseProjections } from '@app/warehouses';
import { runStoreBench } from '../support/bench-database';
import { appendAll, generated } from './rebuild.events';

/**
 * Rebuild speed (docs/performance.md). (1) Generates EVENTS (default 1,000,000) across incidents, teams and warehouses — real events, made
 * by the contexts' own pure deciders — then times a full rebuild of every read model of those contexts (goal ≥ 20,000
 * events/s). Time travel (state?at) has its own bench, bench/state-at. Prints figures only (`npm run bench:rebuild`; EVENTS=100000 for a quick run).
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

runStoreBench({ applicationName: 'bench-rebuild', poolSize: 20 }, async (store, databaseUrl) => {
  console.log(`rebuild bench: generating ~${TOTAL.toLocaleString('en')} events (EVENTS), node ${process.version}`);
  const t0 = performance.now();
  const written = await appendAll(store, generated(new Date(), TOTAL));
  console.log(`generated and appended ${written} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await rebuild(databaseUrl, store);
});
