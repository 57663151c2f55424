import type { DataSource } from 'typeorm';
import { formatPosition, START, type EventStore, type GlobalFilter, type Position } from '@app/event-store';
import type { Projection, ProjectionRunner, ProjectionStatus } from '@app/event-sourcing/projections';

/** How far one projection or process manager is from the head of the log, for `GET /health`. */
export interface ProjectionCatchUp {
  name: string;
  /** Its stored checkpoint (`commit/prepare`), the same for every process; null before it first ran. */
  checkpoint: string | null;
  /** Events of its filter after the checkpoint, counted up to `CATCH_UP_COUNT_CAP` (then `atLeast`). */
  eventsBehind: number | null;
  atLeast: boolean;
  /** Events it applied per second in this process since the start (null when this process does not run it). */
  eventsPerSecond: number | null;
  /** At that rate, seconds until it is through what is behind (null when unknown or caught up). */
  estimatedSeconds: number | null;
  /** It has been through the log once since this process started (stays true). */
  caughtUp: boolean;
}

export interface CatchUpReport {
  /** `catching_up` from the start until every projection has been through the log once. */
  status: 'caught_up' | 'catching_up';
  /** The newest event of the log (`commit/prepare`); null for an empty log or a store that cannot say. */
  head: string | null;
  startedAt: string;
  projections: ProjectionCatchUp[];
}

/** Counting stops here: a figure for the estimate, without scanning a whole cold log on every probe. */
export const CATCH_UP_COUNT_CAP = 100_000;

/** One batch of the runner: a projection another process runs is that close to the head between two of its batches. */
const CAUGHT_UP_SLACK = 200;

export const CATCH_UP = Symbol('CATCH_UP');

/**
 * The catching up after a start (a new replica, a restore, a rebuild): from the stored checkpoints and the event log,
 * per projection how far behind it is and, at the rate it applies here, how long it still needs. A projection that
 * has once been through the log counts as caught up from then on; ordinary lag afterwards is `projection_lag_seconds`
 * (metrics), not this. Counting reads the PostgreSQL event log; with KurrentDB it reads at most a thousand events per
 * projection through the store.
 */
export class CatchUpProgress {
  private readonly caughtUp = new Set<string>();
  private readonly startedAt = Date.now();
  private readonly filters: ReadonlyMap<string, GlobalFilter>;
  /** Watches the workers (in memory) until each has been seen at the end of the log: a probe may come mid-batch. */
  private readonly watch: NodeJS.Timeout;

  constructor(
    private readonly runner: Pick<ProjectionRunner, 'status'>,
    projections: readonly Pick<Projection, 'name' | 'filter'>[],
    private readonly dataSource: DataSource,
    private readonly store: Pick<EventStore, 'origin' | 'readAll'>,
  ) {
    this.filters = new Map(projections.map((p) => [p.name, p.filter]));
    this.watch = setInterval(() => {
      const statuses = this.runner.status();
      if (statuses.map((p) => this.latch(p)).every(Boolean)) clearInterval(this.watch);
    }, 200);
    this.watch.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.watch);
  }

  async report(): Promise<CatchUpReport> {
    const statuses = this.runner.status();
    const stored = await this.storedCheckpoints();
    const head = await this.head();
    const seconds = Math.max((Date.now() - this.startedAt) / 1000, 0.001);
    const projections = await Promise.all(
      statuses.map(async (status): Promise<ProjectionCatchUp> => {
        const checkpoint = stored.get(status.name) ?? null;
        const behind = await this.behind(status.name, checkpoint);
        const caughtUp = this.latch(status, behind?.count);
        const rate = status.owner && status.eventsApplied > 0 ? status.eventsApplied / seconds : null;
        const estimate = !caughtUp && behind && rate ? Math.round(behind.count / rate) : null;
        return {
          name: status.name,
          checkpoint: checkpoint ? formatPosition(checkpoint) : null,
          eventsBehind: behind?.count ?? null,
          atLeast: behind?.atLeast ?? false,
          eventsPerSecond: rate === null ? null : Math.round(rate),
          estimatedSeconds: estimate,
          caughtUp,
        };
      }),
    );
    return {
      status: projections.every((p) => p.caughtUp) ? 'caught_up' : 'catching_up',
      head: head ? formatPosition(head) : null,
      startedAt: new Date(this.startedAt).toISOString(),
      projections,
    };
  }

  /**
   * Caught up once this process has run it to the end of the log, or (run by another process) no more than a batch of
   * its filter is left behind its stored checkpoint.
   */
  private latch(status: ProjectionStatus, behind?: number): boolean {
    if (this.caughtUp.has(status.name)) return true;
    if ((status.owner && status.caughtUp) || (behind !== undefined && behind <= CAUGHT_UP_SLACK))
      this.caughtUp.add(status.name);
    return this.caughtUp.has(status.name);
  }

  private async storedCheckpoints(): Promise<Map<string, Position>> {
    const rows: { projection: string; commit: string; prepare: string }[] = await this.dataSource.query(
      `select projection, position_commit::text as commit, position_prepare::text as prepare from projection_checkpoints`,
    );
    return new Map(rows.map((r) => [r.projection, { commit: BigInt(r.commit), prepare: BigInt(r.prepare) }]));
  }

  private async head(): Promise<Position | undefined> {
    if (this.store.origin.store !== 'postgres') return undefined;
    const rows: { commit: string; prepare: string }[] = await this.dataSource.query(
      `select transaction_id::text as commit, global_position::text as prepare
         from es_events order by transaction_id desc, global_position desc limit 1`,
    );
    return rows[0] ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) } : undefined;
  }

  private async behind(
    name: string,
    checkpoint: Position | null,
  ): Promise<{ count: number; atLeast: boolean } | undefined> {
    const filter = this.filters.get(name);
    if (!filter) return undefined;
    const after = checkpoint ?? START;
    if (this.store.origin.store !== 'postgres') {
      const cap = 1_000;
      const pending = await this.store.readAll({ after, filter, maxCount: cap });
      return { count: pending.length, atLeast: pending.length >= cap };
    }
    const matches =
      filter.kind === 'category'
        ? `category = any($3)`
        : `event_type like any(array(select unnest($3::text[]) || '%'))`;
    const values = filter.kind === 'category' ? filter.categories : filter.prefixes;
    const rows: { n: number }[] = await this.dataSource.query(
      `select count(*)::int as n from (
         select 1 from es_events
          where (transaction_id, global_position) > ($1::text::xid8, $2::bigint) and ${matches}
          limit ${CATCH_UP_COUNT_CAP}) behind`,
      [after.commit.toString(), after.prepare.toString(), values],
    );
    const count = rows[0]?.n ?? 0;
    return { count, atLeast: count >= CATCH_UP_COUNT_CAP };
  }
}
