import type { Position } from '../port/position';
import type { RecordedEvent, Subscription, SubscriptionMessage } from '../port/events';
import { WakeSignal } from './wake-signal';

/**
 * Catch-up subscription over `readAll`: read pages from the checkpoint; when a page comes back short, report
 * caught-up (once per catch-up) and sleep until a NOTIFY or the poll interval. Because `readAll` only returns
 * rows below the oldest running transaction, a page never jumps over an event that commits later.
 */
export class PostgresSubscription implements Subscription {
  unlisten: (() => void) | undefined;
  private readonly signal = new WakeSignal();
  private closed = false;

  constructor(
    private readonly readPage: (after: Position | undefined) => Promise<RecordedEvent[]>,
    private readonly fromExclusive: Position | undefined,
    private readonly pageSize: number,
    private readonly pollIntervalMs: number,
    private readonly onClose: (s: PostgresSubscription) => void,
  ) {}

  wake(): void {
    this.signal.notify();
  }

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
    let caughtUp = false;
    try {
      while (!this.closed) {
        this.signal.clear();
        const page = await this.readPage(after);
        for (const event of page) {
          if (this.closed) return;
          yield { kind: 'event', event };
          after = event.position;
        }
        if (page.length > 0) caughtUp = false;
        if (page.length < this.pageSize) {
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
}
