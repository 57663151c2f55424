import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { LiveDeltaBus } from '@app/event-sourcing';
import { ProjectionRunner } from '@app/event-sourcing/projections';
import { incidentEntities, incidentProjections } from '@app/incidents';
import { teamEntities, teamProjections } from '@app/teams';
import { planEntities, planProjections } from '@app/plans';
import { warehouseEntities, warehouseProjections } from '@app/warehouses';
import { warningEntities, warningProjections } from '@app/warnings';
import { dutyEntities, dutyProjections } from '@app/duty';
import { drillEntities, drillProjections } from '@app/drills';
import { identityEntities, loadJurisdictionRegistry, UserDirectory } from '@app/identity';
import { validateConfig, type AppConfig } from '@app/shared/nest';
import { UNLIMITED_SESSION } from '../infrastructure/session-limits';
import { runMigrations } from '@app/infra/database/migrations';
import { startEmbeddedPostgres } from '@app/infra/embedded/embedded-postgres.launcher';
import { createEventStore } from '../infrastructure/event-store.factory';

/**
 * Drops the named read models (all when `wanted` is 'all'), resets their checkpoints and replays the events, with
 * progress. Refuses (instead of racing) while a running server owns a projection. Used by `projections:rebuild` and
 * by `restore`.
 */
/** Every table a projection writes, and the jurisdiction tree their views read. */
const readModelEntities = [
  ...incidentEntities,
  ...teamEntities,
  ...warehouseEntities,
  ...planEntities,
  ...dutyEntities,
  ...warningEntities,
  ...drillEntities,
  ...identityEntities,
];

export async function rebuildReadModels(
  config: AppConfig,
  url: string,
  wanted: string,
  write: (text: string) => void,
): Promise<void> {
  // Emptying a large read model is one long statement: this connection is exempt from the API's limits.
  const dataSource = await new DataSource({
    type: 'postgres',
    url,
    entities: readModelEntities,
    extra: { options: UNLIMITED_SESSION },
  }).initialize();
  await runMigrations(url);
  const store = createEventStore({ ...config, DATABASE_URL: url });
  const jurisdictions = await loadJurisdictionRegistry(dataSource);
  const projections = [
    ...incidentProjections(jurisdictions, new UserDirectory(dataSource)),
    ...teamProjections(jurisdictions),
    ...warehouseProjections(jurisdictions),
    ...planProjections(jurisdictions),
    ...dutyProjections(jurisdictions),
    ...warningProjections(jurisdictions),
    ...drillProjections(),
  ];
  const names = wanted === 'all' ? projections.map((p) => p.name) : [wanted];
  const runner = new ProjectionRunner(dataSource, store, projections, new LiveDeltaBus());
  try {
    for (const name of names) {
      const started = Date.now();
      const replayed = await runner.rebuild(name, (applied, checkpoint) =>
        write(
          `${process.stdout.isTTY ? '\r' : '\n'}${name}: ${applied} events replayed (checkpoint ${checkpoint ?? '-'})   `,
        ),
      );
      const seconds = (Date.now() - started) / 1000;
      write(
        `\r${name}: rebuilt from ${replayed} events in ${seconds.toFixed(1)} s (${Math.round(replayed / Math.max(seconds, 0.001))} events/s)\n`,
      );
    }
  } finally {
    await runner.stop();
    await store.close();
    await dataSource.destroy();
  }
}

/** `npm run projections:rebuild -- <name>|all` */
async function main(): Promise<void> {
  const config = validateConfig(process.env);
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ name: 'pg', database: 'emergency_command' });
  try {
    // As the owner when there is one (it may have to apply a migration first); the application role can do the rest.
    await rebuildReadModels(
      config,
      config.DATABASE_OWNER_URL ?? config.DATABASE_URL ?? embedded!.url,
      process.argv[2] ?? 'all',
      (text) => process.stdout.write(text),
    );
  } finally {
    await embedded?.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`\nrebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
