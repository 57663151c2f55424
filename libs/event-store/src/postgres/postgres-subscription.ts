import { comparePositions, type Position } from '../port/position';
import type { GlobalFilter, RecordedEvent, Subscription, SubscriptionMessage } from '../port/events';
import type { SharedTail } from './shared-tail';
import { WakeSignal } from './wake-signal';

/**
 * Catch-up subscription over `readAll`: read pages from the checkpoint; when a page comes back short, report
 * caught-up (once per catch-up) and sleep until a NOTIFY or the poll interval. Because `readAll` only returns
 * rows below the oldest running transaction, a page never jumps over an event that commits later. Once near the
 * head, pages come from the process's shared tail (one query for all subscriptions) instead of the database.
 */
export class PostgresSubscription implements Subscription {
  unlisten: (() => void) | undefined;
  private readonly signal = new WakeSignal();
  private closed = false;

  constructor(
    private readonly readPage: (after: Position | undefined) => Promise<RecordedEvent[]>,
    private readonly tail: SharedTail,
    private readonly filter: GlobalFilter | undefined,
    private readonly fromExclusive: Position | undefined,
    private readonly pageSize: number,
    private readonly pollIntervalMs: number,
    private readonly onClose: (s: PostgresSubscription) => void,
  ) {}

  wake(): void {
    this.signal.notify();
  }

  // The port's close() is async; this adapter has nothing to wait for.
  // eslint-disable-next-line @typescript-eslint/require-await -- see the line above
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unlisten?.();
    this.onClose(this);
    this.signal.notify();
  }

  private iterator: AsyncGenerator<SubscriptionMessage> | undefined;

  /** One position per subscription: iterating it again continues where the last loop stopped. */
  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    this.iterator ??= this.run();
    return this.iterator;
  }

  private async *run(): AsyncGenerator<SubscriptionMessage> {
    let after = this.fromExclusive;
    /** How far this subscription has looked: past `after` when the events after it did not match its filter. */
    let cursor = this.fromExclusive;
    let caughtUp = false;
    try {
      while (!this.closed) {
        this.signal.clear();
        const page = await this.nextPage(cursor);
        for (const event of page.events) {
          if (this.closed) return;
          yield { kind: 'event', event };
          after = event.position;
        }
        cursor = page.cursor ?? after;
        if (page.events.length > 0) caughtUp = false;
        if (!page.more) {
          if (!caughtUp) {
            caughtUp = true;
            yield { kind: 'caughtUp', position: after };
          }
          if (!this.closed) await this.signal.wait(this.pollIntervalMs);
        }
      }
    } finally {
      await this.close();
    }
  }

  private async nextPage(
    cursor: Position | undefined,
  ): Promise<{ events: RecordedEvent[]; cursor: Position | undefined; more: boolean }> {
    const shared = cursor ? await this.tail.read(cursor, this.filter, this.pageSize) : undefined;
    if (shared) return shared;
    // Behind the shared window: read the database. A short page means every event up to the tail's head (which
    // a read that finished before this one started saw) was looked at, so the next read can come from the tail.
    const head = this.tail.head;
    const events = await this.readPage(cursor);
    const more = events.length >= this.pageSize;
    let next = events.length > 0 ? events[events.length - 1]!.position : cursor;
    if (!more && head && (!next || comparePositions(head, next) > 0)) next = head;
    return { events, cursor: next, more };
  }
}
