import type { EventStore, EventToAppend, ExpectedRevision, AppendResult } from '@app/event-store';
import { DelegatingEventStore, formatPosition } from '@app/event-store';
import { SpanKind, TRACEPARENT, type Tracing } from './tracing';

/**
 * The configured event store (either adapter), with each append in an `event_store.append` span and the span's W3C
 * trace context stored in every appended event's metadata (`traceparent`, beside `correlationId`), so that whatever
 * later handles the event (a projection, a process manager) can link its span to the command that wrote it. Only
 * installed when tracing is on: with tracing off, events carry no such field. Metadata is an open record read by
 * name, and no upcaster or schema looks at it, so older events without the field read as before.
 */
export class TracedEventStore extends DelegatingEventStore {
  constructor(
    store: EventStore,
    private readonly tracing: Tracing,
    private readonly system: 'postgresql' | 'kurrentdb',
  ) {
    super(store);
  }

  override append(
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
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
}
