import { BACKWARDS, END, FORWARDS, KurrentDBClient, START } from '@kurrent/kurrentdb-client';
import { Pool, type PoolConfig } from 'pg';
import type { EventStore, StoreOrigin } from '../port/event-store.port';
import { checkKurrentDbConnectionString, kurrentDbStoreIdentity } from './kurrentdb-connection';
import type {
  AppendResult,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  Subscription,
} from '../port/events';
import type { ExpectedRevision } from '../port/expected-revision';
import { EventStoreUnavailableError, StreamNotFoundError, WrongExpectedVersionError } from '../port/errors';
import { isAfter, type Position } from '../port/position';
import { toEventStoreError } from './kurrentdb-errors';
import { planFilter } from './kurrentdb-filter';
import { toAppendState, toDeletePrecondition, toEventData, toReadRevision, toRecordedEvent } from './kurrentdb-mapping';
import { KurrentDbSubscription } from './kurrentdb-subscription';
import { PostgresIdempotencyLedger } from '../postgres/postgres-idempotency-ledger';

export interface KurrentDbEventStoreOptions {
  /** `kurrentdb://…` (or `esdb://…`) connection string. */
  connectionString: string;
  /**
   * The read-model PostgreSQL database, where Idempotency-Keys are recorded: KurrentDB refuses an already-stored event
   * id only at the revision it was first appended after, so keys need a record of their own (docs/adr/0011).
   */
  keysDatabaseUrl: string;
  /** Server-side limits for the key pool's connections, as for the PostgreSQL adapter's pool. */
  sessionLimits?: Pick<PoolConfig, 'statement_timeout' | 'idle_in_transaction_session_timeout'>;
  log?: (message: string) => void;
  /**
   * How often a filtered subscription reports the server's progress, in search windows (the client's
   * `checkpointInterval`; the server searches a window of 32 events by default): consumers store it so that a restart
   * continues from there instead of scanning again from the last event that matched.
   */
  checkpointInterval?: number;
}

/** The same bounds as the PostgreSQL adapter, so callers page the same way on both. */
const DEFAULT_PAGE = 500;
const MAX_READ = 10_000;
/** 32 windows of 32 events: a checkpoint for about every thousand events the server searched past. */
const DEFAULT_CHECKPOINT_INTERVAL = 32;

/** The KurrentDB adapter of the event store port (README, Architecture; docs/adr/0001). */
export class KurrentDbEventStore implements EventStore {
  readonly client: KurrentDBClient;
  readonly origin: StoreOrigin;
  private readonly subscriptions = new Set<KurrentDbSubscription>();
  private readonly keysPool: Pool;
  readonly idempotency: PostgresIdempotencyLedger;

  constructor(private readonly options: KurrentDbEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(options.connectionString);
    const connection = checkKurrentDbConnectionString(options.connectionString);
    this.origin = { store: 'kurrentdb', identity: connection.ok ? kurrentDbStoreIdentity(connection.info) : null };
    this.keysPool = new Pool({
      connectionString: options.keysDatabaseUrl,
      max: 4,
      application_name: 'event-store:keys',
      ...options.sessionLimits,
    });
    this.keysPool.on('error', (error) => this.log(`idempotency key pool: ${error.message}`));
    this.idempotency = new PostgresIdempotencyLedger(this.keysPool, 'reservation');
  }

  async append(
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    try {
      const result = await this.client.appendToStream(streamName, events.map(toEventData), {
        streamState: toAppendState(expected),
      });
      // An idempotent retry may come back without a position; the original one is that of its last event.
      const position = result.position ?? (await this.positionOf(streamName, result.nextExpectedRevision));
      return {
        nextRevision: result.nextExpectedRevision,
        position: { commit: position.commit, prepare: position.prepare },
      };
    } catch (error) {
      throw toEventStoreError(error, { streamName, expected });
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamName, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: toReadRevision(from),
        maxCount: Math.min(options.maxCount ?? MAX_READ, MAX_READ),
      });
      // The client throws StreamNotFound while iterating, not when the read is created.
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      throw toEventStoreError(error, { streamName });
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const plan = planFilter(options.filter);
    const maxCount = Math.min(options.maxCount ?? DEFAULT_PAGE, MAX_READ);
    if (plan.matchesNothing || maxCount <= 0) return [];
    const after = options.after;
    const events: RecordedEvent[] = [];
    try {
      // The server's start position is inclusive and ours exclusive: read one more and skip the event at `after`.
      const read = this.client.readAll({
        direction: FORWARDS,
        fromPosition: after ? { commit: after.commit, prepare: after.prepare } : START,
        maxCount: after ? maxCount + 1 : maxCount,
        filter: plan.server,
      });
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (!event || !plan.accepts(event) || (after && !isAfter(event.position, after))) continue;
        events.push(event);
        if (events.length >= maxCount) break;
      }
    } catch (error) {
      throw toEventStoreError(error);
    }
    return events;
  }

  subscribeAll(options: SubscribeAllOptions = {}): Subscription {
    const plan = planFilter(options.filter);
    const from = options.fromExclusive;
    // The filter's callback is created before the subscription it reports to.
    const target: { subscription?: KurrentDbSubscription } = {};
    // subscribeToAll starts after its position (a checkpoint), matching the port's exclusive start.
    const source = this.client.subscribeToAll({
      fromPosition: from ? { commit: from.commit, prepare: from.prepare } : START,
      filter: {
        ...plan.server,
        checkpointInterval: this.options.checkpointInterval ?? DEFAULT_CHECKPOINT_INTERVAL,
        checkpointReached: (_, position) => target.subscription?.onCheckpoint(position),
      },
    });
    const subscription = new KurrentDbSubscription(source, {
      fromExclusive: from,
      accepts: (event) => plan.accepts(event),
      onClose: (s) => this.subscriptions.delete(s),
      log: (m) => this.log(m),
    });
    target.subscription = subscription;
    this.subscriptions.add(subscription);
    return subscription;
  }

  async deleteStream(streamName: string, expected: ExpectedRevision): Promise<void> {
    try {
      const precondition = toDeletePrecondition(expected);
      const expectedRevision =
        precondition.kind === 'state' ? precondition.state : await this.currentRevision(streamName);
      await this.client.deleteStream(streamName, { expectedRevision });
    } catch (error) {
      const mapped = toEventStoreError(error, { streamName, expected });
      // KurrentDB refuses to delete a stream that does not exist; the port (like PostgreSQL) makes it a no-op.
      const absent = mapped instanceof WrongExpectedVersionError && mapped.actual === 'no_stream';
      if (absent && (expected === 'any' || expected === 'no_stream')) return;
      throw mapped;
    }
  }

  async ping(): Promise<void> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    try {
      await read.next();
    } catch (error) {
      const mapped = toEventStoreError(error);
      // Health only needs a yes or no: any failure to answer (even access denied) means unusable.
      throw mapped instanceof EventStoreUnavailableError
        ? mapped
        : new EventStoreUnavailableError('KurrentDB ping failed', { cause: error });
    } finally {
      await read.return?.(undefined);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
    await this.keysPool.end();
  }

  /**
   * Resolves `stream_exists` for a delete, which the client cannot express. A concurrent append between this
   * read and the delete makes the delete fail with a wrong expected version, as any stale revision would.
   */
  private async currentRevision(streamName: string): Promise<bigint> {
    const head = await this.readStream(streamName, { direction: 'backwards', maxCount: 1 }).catch((error: unknown) => {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    });
    if (!head[0]) throw new WrongExpectedVersionError(streamName, 'stream_exists', 'no_stream');
    return head[0].revision;
  }

  private async positionOf(streamName: string, revision: bigint): Promise<Position> {
    const [event] = await this.readStream(streamName, { fromRevision: revision, maxCount: 1 });
    if (!event) throw new EventStoreUnavailableError(`KurrentDB: no event at ${streamName}@${revision} after append`);
    return event.position;
  }

  private log(message: string): void {
    (this.options.log ?? ((m: string) => console.warn(m)))(message);
  }
}
