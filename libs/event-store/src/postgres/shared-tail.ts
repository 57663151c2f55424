import { categoryOf, type GlobalFilter, type RecordedEvent } from '../port/events';
import { comparePositions, type Position } from '../port/position';

export interface TailRead {
  events: RecordedEvent[];
  /** Everything up to here was looked at for this reader (matching or not): its next read starts after it. */
  cursor: Position;
  /** More may already be committed after `cursor`: read again at once instead of waiting for a NOTIFY. */
  more: boolean;
}

/**
 * The newest events of the whole store, read once for every caught-up subscription of this process. Each projection
 * used to run its own `readAll` on every append NOTIFY — 14 queries per append, most of them finding nothing for
 * their filter (38% of all queries in the console-latency bench). Subscriptions that fall behind the window read the
 * database themselves, as before. The events are shared between subscribers, who must not modify them (projections
 * fold them with pure functions).
 */
export class SharedTail {
  private events: RecordedEvent[] = [];
  /** The window holds every event in (floor, head]; undefined until the first caught-up reader starts it. */
  private floor: Position | undefined;
  private headPosition: Position | undefined;
  private more = false;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(
    private readonly readPage: (after: Position, maxCount: number) => Promise<RecordedEvent[]>,
    private readonly pageSize: number,
    private readonly capacity: number,
  ) {}

  /** Where the window ends now: a reader that reads the database itself has looked at least this far once caught up. */
  get head(): Position | undefined {
    return this.headPosition;
  }

  /** Up to `maxCount` events after `cursor` that match `filter`, or undefined when the window does not reach back to `cursor`. */
  async read(cursor: Position, filter: GlobalFilter | undefined, maxCount: number): Promise<TailRead | undefined> {
    if (!this.floor) this.floor = this.headPosition = cursor;
    if (comparePositions(cursor, this.floor) < 0) return undefined;
    await this.refresh();
    if (comparePositions(cursor, this.floor) < 0) return undefined;
    const events: RecordedEvent[] = [];
    for (let i = this.firstAfter(cursor); i < this.events.length; i++) {
      const event = this.events[i]!;
      if (!matches(filter, event)) continue;
      events.push(event);
      if (events.length === maxCount) return { events, cursor: event.position, more: true };
    }
    return { events, cursor: this.headPosition!, more: this.more };
  }

  /**
   * One database read for all readers. A reader woken by a NOTIFY needs a read that started after the NOTIFY: while
   * one runs, the callers that arrive share one more read after it.
   */
  private refresh(): Promise<void> {
    if (!this.running) {
      this.running = this.readMore().finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.refresh();
    });
    return this.queued;
  }

  private async readMore(): Promise<void> {
    const page = await this.readPage(this.headPosition!, this.pageSize);
    this.more = page.length === this.pageSize;
    if (page.length === 0) return;
    this.events.push(...page);
    this.headPosition = page[page.length - 1]!.position;
    const excess = this.events.length - this.capacity;
    if (excess > 0) {
      this.floor = this.events[excess - 1]!.position;
      this.events = this.events.slice(excess);
    }
  }

  private firstAfter(cursor: Position): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (comparePositions(this.events[mid]!.position, cursor) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function matches(filter: GlobalFilter | undefined, event: RecordedEvent): boolean {
  if (!filter) return true;
  if (filter.kind === 'category') return filter.categories.includes(categoryOf(event.streamName));
  return filter.prefixes.some((prefix) => event.type.startsWith(prefix));
}
