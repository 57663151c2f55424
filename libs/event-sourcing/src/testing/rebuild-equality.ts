import { randomUUID } from 'node:crypto';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { DomainError } from '@app/shared';
import { comparePositions, PostgresEventStore, type EventToAppend, type Position } from '@app/event-store';
import { createTestDatabase } from '../../../../test/support/test-database';
import { LiveDeltaBus, type LiveDelta } from '../projections/live-delta';
import type { Projection } from '../projections/projection';
import { fold, type Decider, type DomainEvent } from '../kernel/decider';
import { ProjectionRunner } from '../projections/projection-runner';

/**
 * Live against rebuilt, for projections that fold a batch in memory: the same history is projected twice on a
 * database of its own — first live, appended a few events at a time while the runner follows in batches of at most
 * `liveBatchSize`, then by a rebuild (two projections at a time) in the large catch-up batches a rebuild uses — and
 * the tables are read row for row after each. The spec compares them; a fold that depends on where a batch ends
 * shows up as a difference.
 */
export interface RebuildEqualityOptions {
  projections(): Projection[];
  entities: EntityTarget<ObjectLiteral>[];
  /** Streams and their events; appended interleaved, `chunk` events of each stream in turn. */
  history: [string, EventToAppend[]][];
  /** The tables the projections write. */
  tables: string[];
  chunk?: number;
  liveBatchSize?: number;
}

export interface ProjectedTables {
  /** Every row of each table, as JSON, in a stable order. */
  rows: Record<string, unknown[]>;
  /** Deltas the projections returned to the runner while projecting. */
  deltas: number;
  /** The largest batch a projection was handed. */
  largestBatch: number;
}

export async function projectLiveAndRebuilt(
  options: RebuildEqualityOptions,
): Promise<{ live: ProjectedTables; rebuilt: ProjectedTables }> {
  const database = await createTestDatabase();
  const dataSource = await new DataSource({
    type: 'postgres',
    url: database.url,
    entities: options.entities as never[],
  }).initialize();
  const store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 50, log: () => undefined });
  try {
    const live = await project(dataSource, store, options, 'live', async (runner, projections) => {
      runner.start();
      const last = await appendInterleaved(store, options.history, options.chunk ?? 3);
      for (const projection of projections)
        if (!(await runner.waitFor(projection.name, last, 60_000)))
          throw new Error(`${projection.name} did not reach the last event live`);
    });
    const rebuilt = await project(dataSource, store, options, 'rebuild', async (runner, projections) => {
      await runner.rebuildAll(
        projections.map((p) => p.name),
        2,
      );
    });
    return { live, rebuilt };
  } finally {
    await store.close();
    await dataSource.destroy();
    await database.drop();
  }
}

async function project(
  dataSource: DataSource,
  store: PostgresEventStore,
  options: RebuildEqualityOptions,
  pass: 'live' | 'rebuild',
  run: (runner: ProjectionRunner, projections: Projection[]) => Promise<void>,
): Promise<ProjectedTables> {
  const bus = new LiveDeltaBus();
  const seen: LiveDelta[] = [];
  const subscription = bus.deltas.subscribe((d) => seen.push(d));
  let largestBatch = 0;
  const projections = options.projections();
  const live = options.liveBatchSize ?? 3;
  const runner = new ProjectionRunner(dataSource, store, projections, bus, {
    // The live pass follows the subscription in small batches (no catch-up pages); the rebuild pass reads the history
    // in the runner's catch-up pages.
    batchSize: live,
    ...(pass === 'live' ? { catchUpBatchSize: live } : {}),
    log: () => undefined,
    aroundBatch: async (_name, events, apply) => {
      largestBatch = Math.max(largestBatch, events.length);
      await apply();
    },
  });
  try {
    await run(runner, projections);
  } finally {
    await runner.stop();
    subscription.unsubscribe();
  }
  const rows: Record<string, unknown[]> = {};
  for (const table of options.tables) {
    const found: { row: unknown }[] = await dataSource.query(
      `select to_jsonb(t) as row from ${table} t order by to_jsonb(t)::text`,
    );
    rows[table] = found.map((r) => r.row);
  }
  return { rows, deltas: seen.length, largestBatch };
}

async function appendInterleaved(
  store: PostgresEventStore,
  history: [string, EventToAppend[]][],
  chunk: number,
): Promise<Position> {
  let last: Position | undefined;
  const longest = Math.max(...history.map(([, events]) => events.length));
  for (let from = 0; from < longest; from += chunk)
    for (const [stream, events] of history) {
      const part = events.slice(from, from + chunk);
      if (part.length === 0) continue;
      const { position } = await store.append(stream, part, 'any');
      if (!last || comparePositions(position, last) > 0) last = position;
    }
  if (!last) throw new Error('no history to project');
  return last;
}

/**
 * A stream's events as its decider makes them from these commands, one after another (a command it refuses — short
 * stock, a move not allowed — is left out, as the API would refuse it), ready to append.
 */
export function decidedEvents<C, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  commands: readonly C[],
  jurisdiction: string,
): EventToAppend[] {
  const events: E[] = [];
  for (const command of commands) {
    try {
      events.push(...decider.decide(command, fold(decider, events)));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return events.map((e) => ({
    id: randomUUID(),
    type: e.type,
    data: e.data,
    metadata: {
      correlationId: 'rebuild-equality',
      causationId: 'rebuild-equality',
      actorId: 'rebuild-equality',
      actorName: '重建比对',
      jurisdiction,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  }));
}
