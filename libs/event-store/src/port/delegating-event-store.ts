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
import type { EventStore, IdempotencyLedger, StoreOrigin } from './event-store.port';

/**
 * An event store that passes everything to the one it wraps: the base of decorators that watch appends (traces,
 * metrics) without restating the rest of the port. The idempotency ledger is the wrapped store's, which appends
 * through the outermost store it is given, so keyed appends are watched too.
 */
export abstract class DelegatingEventStore implements EventStore {
  protected constructor(protected readonly store: EventStore) {}

  get origin(): StoreOrigin {
    return this.store.origin;
  }

  get idempotency(): IdempotencyLedger {
    return this.store.idempotency;
  }

  append(streamName: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.store.append(streamName, events, expected);
  }

  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.store.readStream(streamName, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.store.readAll(options);
  }

  subscribeAll(options?: SubscribeAllOptions): Subscription {
    return this.store.subscribeAll(options);
  }

  deleteStream(streamName: string, expected: ExpectedRevision): Promise<void> {
    return this.store.deleteStream(streamName, expected);
  }

  ping(): Promise<void> {
    return this.store.ping();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
