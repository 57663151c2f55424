import type {
  AppendResult,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  Subscription,
} from './events';
import type { ExpectedRevision } from './expected-revision';
import type { AppendKey, AppendOnceResult, KeyedAppend } from './idempotency-ledger';

/**
 * The event store port (README, Architecture; docs/adr/0001 and 0011). Two adapters implement it, PostgreSQL (embedded default) and KurrentDB; one
 * contract suite (contract/event-store.contract.ts) proves the promises below on both.
 *
 * The port promises only what KurrentDB itself guarantees; each promise names KurrentDB's rule beside it. What the
 * PostgreSQL adapter does beyond that is marked "PostgreSQL only", is tested in its own spec, and nothing above the
 * port may rely on it.
 */
export interface EventStore {
  /**
   * Appends atomically: all events or none, at consecutive revisions after the current one.
   * - Expected revision (exact, `no_stream`, `stream_exists`, `any`) is checked against the stream's current revision;
   *   a mismatch is WrongExpectedVersionError. KurrentDB: the same four states, same meaning.
   * - Retry by event ids: re-appending the same ids, in order, with the expected revision the first append had (an
   *   exact revision or `no_stream`), stores nothing and answers the first result. KurrentDB: for an expected
   *   revision below the current one it compares the ids stored after it — all equal: idempotent; the first differs:
   *   wrong expected version; only some equal: refused.
   * - Not promised: that ids stored earlier are refused when the append expects the current revision (KurrentDB
   *   then appends them again as new events), nor any id check for `any` / `stream_exists` (KurrentDB looks the first
   *   id up in a bounded cache of recent writes). Idempotency of commands therefore rests on `idempotency`, below.
   * - PostgreSQL only: an event id is stored at most once per stream (a unique constraint), and an append whose first
   *   event's metadata names `actorId` and `idempotencyKey` records that key in `idempotency` in the same transaction.
   */
  append(streamName: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;

  /**
   * Throws StreamNotFoundError for a stream that never existed or was deleted. At most 10,000 events per call.
   * KurrentDB: the same (a deleted stream reads as not found).
   */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /**
   * The global log in commit order: an event read here is never followed later by one with a lower position.
   * KurrentDB: the transaction-log order of `$all`. PostgreSQL: (transaction id, sequence), read only below the oldest
   * running transaction (ADR 0001).
   */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Catch-up subscription to the global log; yields `caughtUp` whenever it has delivered all it can see. */
  subscribeAll(options?: SubscribeAllOptions): Subscription;

  /** Soft delete: reads say not found; a later append continues the revision numbering. KurrentDB: soft delete. */
  deleteStream(streamName: string, expected: ExpectedRevision): Promise<void>;

  /**
   * Where this store's Idempotency-Keys are recorded. PostgreSQL: in the same database, written by the append itself.
   * KurrentDB: in the read-model PostgreSQL database, by reservation before the append and completion after it.
   */
  readonly idempotency: IdempotencyLedger;

  /**
   * Which store this is, recorded beside every checkpoint: a position means something only in the store that gave it,
   * so a database whose checkpoints came from another store must not be resumed from them (docs/kurrentdb.md).
   */
  readonly origin: StoreOrigin;

  /** Cheap liveness check for /health. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

/**
 * The record of Idempotency-Keys, kept beside the event store (in PostgreSQL whichever store is configured), so that
 * a keyed command appends to a stream at most once whatever the store promises about event ids
 * (docs/adr/0011-idempotency-across-stores.md). Every method takes the store to read and append through, so a
 * decorated store (one that times appends) sees keyed appends too.
 */
export interface IdempotencyLedger {
  /**
   * The append recorded under `key` on `streamName`, whatever snapshots or later events exist; undefined when the key
   * appended nothing there. Throws AppendKeyReusedError when the key is bound to another request.
   */
  recall(store: EventStore, streamName: string, key: AppendKey): Promise<KeyedAppend | undefined>;

  /**
   * Appends `events` (whose ids derive from the key) with an exact expected revision, recording them under `key`.
   * Answers `recorded` when an earlier attempt under the key already stored its events on this stream (nothing is
   * appended). Throws WrongExpectedVersionError when the stream moved: the caller reloads, recalls and decides again.
   */
  appendOnce(
    store: EventStore,
    streamName: string,
    events: readonly EventToAppend[],
    expected: bigint | 'no_stream',
    key: AppendKey,
  ): Promise<AppendOnceResult>;
}

export interface StoreOrigin {
  store: 'postgres' | 'kurrentdb';
  /**
   * Which instance of that store, when it can be told: for KurrentDB the nodes the connection string names (the
   * client exposes no cluster id). Null for PostgreSQL, whose events live in the database that holds the checkpoints.
   */
  identity: string | null;
}

/** Nest injection token for the configured adapter. */
export const EVENT_STORE = Symbol('EVENT_STORE');
