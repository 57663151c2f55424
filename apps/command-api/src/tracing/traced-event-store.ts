import type {
  StoreOrigin,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  IdempotencyLedger,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
  Subscription,
} from '@app/event-store';
import { formatPosition } from '@app/event-store';
import { SpanKind, TRACEPARENT, type Tracing } from './tracing';

/**
 * The configured event store (either adapter), with each append in an `event_store.append` span and the span's W3C
 * trace context stored in every appended event's metadata (`traceparent`, beside `correlationId`), so that whatever
 * later handles the event (a projection, a process manager) can link its span to the command that wrote it. Only
 * installed when tracing is on: with tracing off, events carry no such field. Metadata is an open record read by
 * name, and no upcaster or schema looks at it, so older events without the field read as before.
 */
export class TracedEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly tracing: Tracing,
    private readonly system: 'postgresql' | 'kurrentdb',
  ) {}

  /** Which store (and cluster) positions come from: the wrapped adapter's. */
  get origin(): StoreOrigin {
    return this.store.origin;
  }

  /** Keyed appends go through this store too (the ledger takes the store to append through), so they are traced. */
  get idempotency(): IdempotencyLedger {
    return this.store.idempotency;
  }

  append(streamName: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.tracing.inSpan(
      'event_store.append',
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': this.system,
          'db.operation.name': 'append',
          'event_store.stream': streamName,
          'event_store.events': events.length,
          'event_store.event_types': [...new Set(events.map((e) => e.type))],
        },
      },
      async (span) => {
        const traceparent = this.tracing.currentTraceparent();
        const traced = traceparent
          ? events.map((e) => ({ ...e, metadata: { ...e.metadata, [TRACEPARENT]: traceparent } }))
          : events;
        const result = await this.store.append(streamName, traced, expected);
        span.setAttribute('event_store.position', formatPosition(result.position));
        return result;
      },
    );
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
