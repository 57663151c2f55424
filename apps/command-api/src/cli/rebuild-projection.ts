import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { CommandExecutor, LiveDeltaBus } from '@app/event-sourcing';
import {
  isProcessManager,
  PostgresSnapshotStore,
  ProjectionRunner,
  readCheckpoint,
  seatedUpTo,
  type Projection,
} from '@app/event-sourcing/projections';
import type { EventStore, Position } from '@app/event-store';
import { DrillParticipationService } from '@app/drills';
import { loadJurisdictionRegistry } from '@app/identity';
import { systemClock, type JurisdictionRegistry } from '@app/shared';
import { validateConfig, type AppConfig } from '@app/shared/nest';
import { UNLIMITED_SESSION } from '../infrastructure/session-limits';
import { allProjections, READ_MODEL_ENTITIES } from '../infrastructure/projection-registry';
import { runMigrations } from '@app/infra/database/migrations';
import { startEmbeddedPostgres } from '@app/infra/embedded/embedded-postgres.launcher';
import { createEventStore } from '../infrastructure/event-store.factory';

/** The API's own list (projection-registry.ts), built on a data source and store of the command line's. */
export function cliProjections(dataSource: DataSource, store: EventStore, jurisdictions: JurisdictionRegistry) {
  const snapshots = new PostgresSnapshotStore(dataSource);
  return allProjections({
    dataSource,
    jurisdictions,
    clock: systemClock,
    dispatchExecutor: new CommandExecutor({ store, clock: systemClock, snapshots }),
    drillTeamsExecutor: new CommandExecutor({
      store,
      clock: systemClock,
      snapshots,
      drills: new DrillParticipationService(store, jurisdictions),
    }),
  });
}

export interface RebuildOptions {
  /**
   * Where a process manager without a checkpoint had got to: the head of a restored log whose backup did not carry
   * the processes' checkpoints. Without it, such a process runs from the start (it never ran, so it owes every step).
   */
  processesWithoutCheckpointAt?: Position;
}

/** How many projections `all` rebuilds at once. */
const REBUILD_LANES = 2;

/**
 * Drops the named read models (all when `wanted` is 'all'), resets their checkpoints and replays the events, with
 * progress. Refuses (instead of racing) while a running server owns a projection. Used by `projections:rebuild` and
 * by `restore`.
 *
 * A process manager is rebuilt without re-issuing what it did: up to its checkpoint (what it had handled) the events
 * only rebuild its own tables; after it, it handles them as usual (docs/adr/0024-cold-start.md).
 */
export async function rebuildReadModels(
  config: AppConfig,
  url: string,
  wanted: string,
  write: (text: string) => void,
  options: RebuildOptions = {},
): Promise<void> {
  // Emptying a large read model is one long statement: this connection is exempt from the API's limits.
  const dataSource = await new DataSource({
    type: 'postgres',
    url,
    entities: READ_MODEL_ENTITIES,
    extra: { options: UNLIMITED_SESSION },
  }).initialize();
  await runMigrations(url);
  const store = createEventStore({ ...config, DATABASE_URL: url });
  try {
    const jurisdictions = await loadJurisdictionRegistry(dataSource);
    const projections = await Promise.all(
      cliProjections(dataSource, store, jurisdictions).map(async (p): Promise<Projection> => {
        if (!isProcessManager(p)) return p;
        const upTo = (await readCheckpoint(dataSource.manager, p.name)) ?? options.processesWithoutCheckpointAt;
        return seatedUpTo(p, upTo);
      }),
    );
    const names = wanted === 'all' ? projections.map((p) => p.name) : [wanted];
    const runner = new ProjectionRunner(dataSource, store, projections, new LiveDeltaBus());
    const rate = (replayed: number, seconds: number) => Math.round(replayed / Math.max(seconds, 0.001));
    try {
      if (names.length === 1) {
        const [name] = names as [string];
        const started = Date.now();
        const replayed = await runner.rebuild(name, (applied, checkpoint) =>
          write(
            `${process.stdout.isTTY ? '\r' : '\n'}${name}: ${applied} events replayed (checkpoint ${checkpoint ?? '-'})   `,
          ),
        );
        const seconds = (Date.now() - started) / 1000;
        write(
          `\r${name}: rebuilt from ${replayed} events in ${seconds.toFixed(1)} s (${rate(replayed, seconds)} events/s)\n`,
        );
      } else {
        // The read models are separate tables: two rebuild side by side (measured faster than one at a time, and
        // no faster with three, on two cores; docs/performance.md).
        await runner.rebuildAll(names, REBUILD_LANES, (name, replayed, seconds) =>
          write(
            `${name}: rebuilt from ${replayed} events in ${seconds.toFixed(1)} s (${rate(replayed, seconds)} events/s)\n`,
          ),
        );
      }
    } finally {
      await runner.stop();
    }
  } finally {
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
