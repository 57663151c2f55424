import { Pool, type PoolConfig } from 'pg';
import type { EventStore, StoreOrigin } from '../port/event-store.port';
import {
  type AppendResult,
  type EventToAppend,
  type GlobalFilter,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeAllOptions,
  type Subscription,
} from '../port/events';
import type { ExpectedRevision } from '../port/expected-revision';
import { EventStoreUnavailableError, StreamNotFoundError, WrongExpectedVersionError } from '../port/errors';
import { AppendListener } from './append-listener';
import { PostgresIdempotencyLedger, type LedgerMode } from './postgres-idempotency-ledger';
import { AppendNotifier } from './append-notifier';
import { SharedTail } from './shared-tail';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './row-mapping';
import { PostgresSubscription } from './postgres-subscription';
import { appendGroup, appendToStream, type AppendOutcome, type AppendRequest } from './postgres-append';
import { GroupCommit, type GroupCommitOptions } from './group-commit';
import { isConnectionError } from './pg-errors';

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** Pool size for appends and reads (subscriptions share it; LISTEN has its own connection). */
  poolSize?: number;
  /** Fallback poll interval when no NOTIFY arrives (e.g. the listener is down, or xmin was held back). */
  pollIntervalMs?: number;
  /** Events per global read while catching up. */
  pageSize?: number;
  /** Newest events kept in memory for caught-up subscriptions to share (SharedTail). */
  tailCapacity?: number;
  log?: (message: string) => void;
  /** Shown in pg_stat_activity (the LISTEN connection gets a `:listen` suffix), so operators can tell them apart. */
  applicationName?: string;
  /**
   * Server-side limits for the pool's connections (pg's `statement_timeout`, `idle_in_transaction_session_timeout`,
   * in milliseconds): a connection left idle inside a transaction would hold back every global reader (docs/adr/0001).
   */
  sessionLimits?: Pick<PoolConfig, 'statement_timeout' | 'idle_in_transaction_session_timeout'>;
  /**
   * How Idempotency-Keys are recorded: `in-append` (default) in the append's transaction; `reservation` runs the
   * protocol a store outside PostgreSQL needs, so that it can be exercised against this store in tests.
   */
  keys?: LedgerMode;
  /**
   * Group commit: append statements in flight at once (default 4) and appends per group (default 64); appends that
   * queue behind busy slots share one transaction (group-commit.ts). `slots` above the pool size has no effect.
   */
  groupCommit?: Partial<GroupCommitOptions>;
}

const MAX_READ = 10_000;

export class PostgresEventStore implements EventStore {
  readonly origin: StoreOrigin = { store: 'postgres', identity: null };
  readonly pool: Pool;
  private readonly listener: AppendListener;
  private readonly notifier: AppendNotifier;
  private readonly subscriptions = new Set<PostgresSubscription>();
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly tail: SharedTail;
  readonly idempotency: PostgresIdempotencyLedger;
  private readonly appends: GroupCommit<AppendRequest, AppendOutcome>;

  constructor(private readonly options: PostgresEventStoreOptions) {
    const applicationName = options.applicationName ?? 'event-store';
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      application_name: applicationName,
      ...options.sessionLimits,
    };
    this.pool = new Pool(config);
    // A dropped idle connection must not crash the process; the next query gets a fresh one.
    this.pool.on('error', (error) => this.log(`event store pool: ${error.message}`));
    this.listener = new AppendListener(
      { connectionString: options.connectionString, application_name: `${applicationName}:listen` },
      (m) => this.log(m),
    );
    this.notifier = new AppendNotifier(this.pool, (m) => this.log(m));
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.pageSize = options.pageSize ?? 500;
    this.tail = new SharedTail(
      (after, maxCount) => this.readAll({ after, maxCount }),
      this.pageSize,
      options.tailCapacity ?? 5_000,
    );
    this.idempotency = new PostgresIdempotencyLedger(this.pool, options.keys ?? 'in-append');
    const query = this.query.bind(this);
    this.appends = new GroupCommit<AppendRequest, AppendOutcome>(
      { slots: options.groupCommit?.slots ?? 4, maxGroup: options.groupCommit?.maxGroup ?? 64 },
      (request) => appendToStream(query, this.idempotency.mode === 'in-append', request),
      (requests) => appendGroup(query, this.idempotency.mode === 'in-append', requests),
    );
  }

  async append(
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const { written, ...result } = await this.appends.submit({ streamName, events, expected });
    if (written && events.length > 0) this.notifier.poke();
    return result;
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const limit = Math.min(options.maxCount ?? MAX_READ, MAX_READ);
    const stream = await this.query<{ truncate_before: string; deleted: boolean; current_revision: string }>(
      `select truncate_before::text, deleted, current_revision::text from es_streams where stream_name = $1`,
      [streamName],
    );
    const head = stream.rows[0];
    if (!head || head.deleted || BigInt(head.current_revision) < 0n) throw new StreamNotFoundError(streamName);
    const bound =
      from === 'start'
        ? backwards
          ? '-1'
          : head.truncate_before
        : from === 'end'
          ? head.current_revision
          : from.toString();
    const result = await this.query<EventRow>(
      `select ${EVENT_COLUMNS} from es_events e
        where e.stream_name = $1 and e.stream_revision >= $2 and e.stream_revision ${backwards ? '<=' : '>='} $3
        order by e.stream_revision ${backwards ? 'desc' : 'asc'} limit $4`,
      [streamName, head.truncate_before, bound, limit],
    );
    return result.rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const params: unknown[] = [];
    const where = ['e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())'];
    if (options.after) {
      params.push(options.after.commit.toString(), options.after.prepare.toString());
      where.push(`(e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)`);
    }
    where.push(...filterClause(options.filter, params));
    params.push(Math.min(options.maxCount ?? this.pageSize, MAX_READ));
    const result = await this.query<EventRow>(
      `select ${EVENT_COLUMNS} from es_events e where ${where.join(' and ')}
        order by e.transaction_id, e.global_position limit $${params.length}`,
      params,
    );
    return result.rows.map(toRecordedEvent);
  }

  subscribeAll(options: SubscribeAllOptions = {}): Subscription {
    const subscription = new PostgresSubscription(
      (after) => this.readAll({ after, filter: options.filter, maxCount: this.pageSize }),
      this.tail,
      options.filter,
      options.fromExclusive,
      this.pageSize,
      this.pollIntervalMs,
      (s) => this.subscriptions.delete(s),
    );
    subscription.unlisten = this.listener.add(() => subscription.wake());
    this.subscriptions.add(subscription);
    return subscription;
  }

  async deleteStream(streamName: string, expected: ExpectedRevision): Promise<void> {
    const result = await this.query<{ current_revision: string; deleted: boolean }>(
      `select current_revision::text, deleted from es_streams where stream_name = $1`,
      [streamName],
    );
    const head = result.rows[0];
    const exists = !!head && !head.deleted && BigInt(head.current_revision) >= 0n;
    if (!exists) {
      if (expected === 'any' || expected === 'no_stream') return;
      throw new WrongExpectedVersionError(streamName, expected, 'no_stream');
    }
    const current = BigInt(head.current_revision);
    if (expected === 'no_stream' || (typeof expected === 'bigint' && expected !== current)) {
      throw new WrongExpectedVersionError(streamName, expected, current);
    }
    // The revision guard makes a concurrent append win: then nothing is hidden and the caller learns of it.
    const updated = await this.query(
      `update es_streams set deleted = true, truncate_before = current_revision + 1
        where stream_name = $1 and current_revision = $2 and not deleted`,
      [streamName, current.toString()],
    );
    if (updated.rowCount === 0) throw new WrongExpectedVersionError(streamName, expected, current);
  }

  async ping(): Promise<void> {
    await this.query('select 1 from es_streams limit 1', []);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.notifier.close();
    await this.listener.close();
    await this.pool.end();
  }

  private async query<R extends object>(
    text: string,
    params: unknown[],
    name?: string,
  ): Promise<{ rows: R[]; rowCount: number | null }> {
    try {
      return await this.pool.query<R & import('pg').QueryResultRow>({ text, values: params, name });
    } catch (error) {
      if (isConnectionError(error)) throw new EventStoreUnavailableError('event store unavailable', { cause: error });
      throw error;
    }
  }

  private log(message: string): void {
    (this.options.log ?? ((m: string) => console.warn(m)))(message);
  }
}

function filterClause(filter: GlobalFilter | undefined, params: unknown[]): string[] {
  if (!filter) return [];
  if (filter.kind === 'category') {
    params.push(filter.categories);
    return [`e.category = any($${params.length}::text[])`];
  }
  params.push(filter.prefixes.map((p) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return [`e.event_type like any($${params.length}::text[])`];
}
