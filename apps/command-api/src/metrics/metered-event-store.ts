import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  IdempotencyLedger,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  StoreOrigin,
  Subscription,
} from '@app/event-store';
import type { CommandApiMetrics } from './metrics';

/** The configured event store, with each append timed for `event_store_append_duration_seconds`. */
export class MeteredEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly metrics: CommandApiMetrics,
  ) {}

  get origin(): StoreOrigin {
    return this.store.origin;
  }

  /** Keyed appends go through this store too (the ledger takes the store to append through), so they are timed. */
  get idempotency(): IdempotencyLedger {
    return this.store.idempotency;
  }

  async append(
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const stop = this.metrics.appendDuration.startTimer();
    try {
      const result = await this.store.append(streamName, events, expected);
      stop({ outcome: 'ok' });
      return result;
    } catch (error) {
      stop({ outcome: error instanceof Error ? error.name : 'error' });
      throw error;
    }
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
