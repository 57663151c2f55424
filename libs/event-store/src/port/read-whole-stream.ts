import type { EventStore } from './event-store.port';
import type { RecordedEvent } from './events';

/**
 * Every event of a stream, read page by page: `readStream` answers at most one page (10,000 events) however many are
 * asked for, so readers that need the whole history (incident events, replay, evaluation) page through it here.
 */
export async function readWholeStream(
  store: EventStore,
  streamName: string,
  pageSize = 5_000,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let from: bigint | 'start' = 'start';
  for (;;) {
    const page = await store.readStream(streamName, { fromRevision: from, maxCount: pageSize });
    for (const event of page) events.push(event);
    if (page.length < pageSize) return events;
    from = page[page.length - 1]!.revision + 1n;
  }
}
