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

/**
 * The event store port (ARCHITECTURE.md). Two adapters implement it with the same semantics, proven by one
 * contract suite: PostgreSQL (embedded default) and KurrentDB.
 */
export interface EventStore {
  /** Appends atomically. Re-appending the same event ids at the same expected revision returns the first result. */
  append(streamName: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;

  /** Throws StreamNotFoundError for a stream that never existed or was deleted. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Global log in commit-safe order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Catch-up subscription to the global log; yields `caughtUp` whenever it has delivered all it can see. */
  subscribeAll(options?: SubscribeAllOptions): Subscription;

  /** Soft delete: reads say not found; a later append continues the revision numbering. */
  deleteStream(streamName: string, expected: ExpectedRevision): Promise<void>;

  /** Cheap liveness check for /health. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

/** Nest injection token for the configured adapter. */
export const EVENT_STORE = Symbol('EVENT_STORE');
