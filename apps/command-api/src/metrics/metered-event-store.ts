import { DelegatingEventStore } from '@app/event-store';
import type { AppendResult, EventStore, EventToAppend, ExpectedRevision } from '@app/event-store';
import type { CommandApiMetrics } from './metrics';

/** The configured event store, with each append timed for `event_store_append_duration_seconds`. */
export class MeteredEventStore extends DelegatingEventStore {
  constructor(
    store: EventStore,
    private readonly metrics: CommandApiMetrics,
  ) {
    super(store);
  }

  override async append(
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
}
