import { performance } from 'node:perf_hooks';
import { Subject, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { comparePositions, formatPosition, START, type EventStore, type Position } from '@app/event-store';
import { findForeignCheckpoints, ForeignCheckpointsError, readCheckpoint, writeCheckpoint } from './checkpoint-store';
import { clearParked, countParked, findParked, listParked, markRetried, type ParkedEvent } from './parked-events';
import type { LiveDeltaBus } from './live-delta';
import type { Projection } from './projection';
import { ProjectionLocks } from './projection-locks';
import { ProjectionWorker, type WorkerOptions } from './projection-worker';

export interface ProjectionStatus {
  name: string;
  checkpoint: string | null;
  caughtUp: boolean;
  eventsApplied: number;
  /** Whether this process runs the projection (one process per projection holds its advisory lock). */
  owner: boolean;
  /** Why it stopped for good, on a record it cannot decode (docs/operations.md); null while it runs. */
  stopped: string | null;
}

export interface ProjectionProgress {
  projection: string;
  position: Position;
}

/** Owns one worker per projection; the single-process default runs it inside command-api. */
export class ProjectionRunner {
  private readonly workers: Map<string, ProjectionWorker>;
  private readonly locks: ProjectionLocks;
  private readonly appliedHere = new Subject<ProjectionProgress>();
  private readonly takenOver = new Subject<string>();
  private readonly readModelWaitMs: number;
  /** Batches this process committed: with several API processes, the others are told (their commands wait on it). */
  readonly progress: Observable<ProjectionProgress> = this.appliedHere.asObservable();
  /** Projections this process took over from another one. */
  readonly takeovers: Observable<string> = this.takenOver.asObservable();

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    projections: readonly Projection[],
    private readonly bus: LiveDeltaBus,
    options: Partial<WorkerOptions> & {
      /** How long a command's caller waits for its read models before being told 202 (read-your-writes). */
      readModelWaitMs?: number;
    } = {},
  ) {
    this.readModelWaitMs = options.readModelWaitMs ?? 3000;
    const resolved: WorkerOptions = {
      batchSize: options.batchSize ?? 200,
      catchUpBatchSize: options.catchUpBatchSize ?? 5000,
      retryDelayMs: options.retryDelayMs ?? 1000,
      maxAttempts: options.maxAttempts ?? 3,
      attemptDelayMs: options.attemptDelayMs ?? 200,
      lockRetryMs: options.lockRetryMs ?? 2000,
      log: options.log ?? ((m) => console.warn(m)),
      onApplied: (projection, position) => this.appliedHere.next({ projection, position }),
      onTakeover: (projection) => this.takenOver.next(projection),
      ...(options.aroundBatch ? { aroundBatch: options.aroundBatch } : {}),
    };
    this.locks = ProjectionLocks.of(dataSource);
    this.workers = new Map(
      projections.map((p) => [p.name, new ProjectionWorker(p, dataSource, store, bus, resolved, this.locks)]),
    );
  }

  /**
   * Refuses a database whose checkpoints another store gave (EVENT_STORE switched on an existing database): resuming
   * from them would skip or repeat events. Called at boot, before anything reads or applies.
   */
  async verifyCheckpointOrigin(): Promise<void> {
    const foreign = await findForeignCheckpoints(this.dataSource.manager, this.store.origin);
    if (foreign.length > 0) throw new ForeignCheckpointsError(this.store.origin, foreign);
  }

  start(): void {
    for (const worker of this.workers.values()) worker.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    await this.locks.close();
  }

  /** Read-your-writes for a command's caller: wait until `projection` has applied `position`. */
  waitFor(projection: string, position: Position, timeoutMs = this.readModelWaitMs): Promise<boolean> {
    const worker = this.workers.get(projection);
    return worker ? worker.waitFor(position, timeoutMs) : Promise.resolve(false);
  }

  /** Another process applied `projection` up to `position`. */
  observe(projection: string, position: Position): void {
    this.workers.get(projection)?.observe(position);
  }

  /**
   * Deltas for every event after this position were (or will be) published by this process, so a console that
   * resumes from at least here can be served from memory. Undefined until every worker has loaded its checkpoint.
   */
  deltaFloor(): Position | undefined {
    let floor: Position | undefined;
    for (const worker of this.workers.values()) {
      if (!worker.startedFrom) return undefined;
      if (!floor || comparePositions(worker.startedFrom, floor) > 0) floor = worker.startedFrom;
    }
    return floor ?? START;
  }

  status(): ProjectionStatus[] {
    return [...this.workers.values()].map((w) => ({
      name: w.projection.name,
      checkpoint: w.appliedUpTo ? formatPosition(w.appliedUpTo) : null,
      caughtUp: w.caughtUp,
      eventsApplied: w.eventsApplied,
      owner: w.owner,
      stopped: w.failure ?? null,
    }));
  }

  /**
   * How far each projection trails the store, as this process knows it: events after its applied position that match
   * its filter (counted up to `cap`) and the age of the oldest of them. For metrics; reads at most `cap` events each.
   */
  async lag(now: Date, cap = 10_000): Promise<{ name: string; events: number; seconds: number }[]> {
    return Promise.all(
      [...this.workers.values()]
        .filter((w) => w.appliedUpTo)
        .map(async (w) => {
          const pending = await this.store.readAll({
            after: w.appliedUpTo,
            filter: w.projection.filter,
            maxCount: cap,
          });
          const oldest = pending[0]?.recordedAt;
          return {
            name: w.projection.name,
            events: pending.length,
            seconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
          };
        }),
    );
  }

  /** Events parked by any process, per projection (for /health and /metrics; the table is shared). */
  parkedCounts(): Promise<Map<string, number>> {
    return countParked(this.dataSource.manager);
  }

  parked(projection?: string): Promise<ParkedEvent[]> {
    return listParked(this.dataSource.manager, projection);
  }

  /**
   * Applies a parked event again (after the code or the data was fixed), under the checkpoint's row lock so that it
   * cannot interleave with a batch. The checkpoint stays where it is: the events after this one were applied without it.
   * Answers what happened; undefined when no such event is parked.
   */
  async retryParked(
    name: string,
    eventId: string,
  ): Promise<{ applied: true } | { applied: false; error: string } | undefined> {
    const worker = this.workers.get(name);
    if (!worker) return undefined;
    const projection = worker.projection;
    let deltas: Awaited<ReturnType<typeof projection.apply>> = [];
    let outcome: { applied: true } | { applied: false; error: string };
    try {
      outcome = await this.dataSource.transaction(async (manager) => {
        await readCheckpoint(manager, name, true);
        const parked = await findParked(manager, name, eventId);
        if (!parked) throw new NotParked();
        const [event] = await this.store.readStream(parked.streamName, {
          fromRevision: BigInt(parked.streamRevision),
          maxCount: 1,
        });
        if (!event || event.id !== eventId)
          throw new Error(`event ${eventId} is no longer at ${parked.streamName}@${parked.streamRevision}`);
        const known = projection.events.readAll([event]);
        // A savepoint: a failed apply must not take the note of the failed retry down with it.
        const result = await manager
          .transaction(async (inner) => (known.length > 0 ? projection.apply(known, inner) : []))
          .then(
            (produced) => ({ applied: true as const, produced }),
            (error: unknown) => ({
              applied: false as const,
              error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
            }),
          );
        if (result.applied) deltas = result.produced;
        const settled = result.applied ? { applied: true as const } : { applied: false as const, error: result.error };
        await markRetried(manager, name, eventId, settled);
        return settled;
      });
    } catch (error) {
      if (error instanceof NotParked) return undefined;
      throw error;
    }
    this.bus.publish(deltas);
    return outcome;
  }

  /**
   * Rebuild = drop the read model, reset the checkpoint (one transaction), replay. Reports progress until the
   * projection has caught up again; returns the number of events replayed.
   */
  async rebuild(
    name: string,
    onProgress: (applied: number, checkpoint: string | null) => void = () => undefined,
  ): Promise<number> {
    const worker = this.workers.get(name);
    if (!worker) throw new Error(`unknown projection ${name}; known: ${[...this.workers.keys()].join(', ')}`);
    await worker.stop();
    await worker.takeOwnership(5000);
    await this.dataSource.transaction(async (manager) => {
      await worker.projection.reset(manager);
      await clearParked(manager, name);
      await writeCheckpoint(manager, name, START, this.store.origin);
    });
    worker.checkpoint = undefined;
    worker.caughtUp = false;
    worker.eventsApplied = 0;
    worker.rebuilding = true;
    worker.start();
    // Looked at often (a small read model rebuilds in well under a second), reported four times a second.
    for (let tick = 1; !worker.caughtUp; tick++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (tick % 5 === 0 || worker.caughtUp)
        onProgress(worker.eventsApplied, worker.checkpoint ? formatPosition(worker.checkpoint) : null);
    }
    return worker.eventsApplied;
  }

  /**
   * Rebuilds these projections, `parallel` at a time (each on connections of its own: the read models are separate
   * tables). Resolves to the events each replayed, in the order given; `onDone` hears each as it finishes.
   */
  async rebuildAll(
    names: readonly string[],
    parallel = 1,
    onDone: (name: string, replayed: number, seconds: number) => void = () => undefined,
  ): Promise<Map<string, number>> {
    const replayed = new Map<string, number>();
    const queue = [...names];
    const lane = async (): Promise<void> => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const started = performance.now();
        const count = await this.rebuild(name);
        replayed.set(name, count);
        onDone(name, count, (performance.now() - started) / 1000);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, parallel) }, lane));
    return new Map(names.map((name) => [name, replayed.get(name) ?? 0]));
  }
}

class NotParked extends Error {}
