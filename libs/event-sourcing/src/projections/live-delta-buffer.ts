import { comparePositions, parsePosition, type Position } from '@app/event-store';
import type { LiveDelta } from './live-delta';

/**
 * The recent deltas, in publish order, so a console that reconnects with `resume { since }` gets what it missed.
 * When `since` is older than the oldest kept delta (or unknown after a restart), the client must reload.
 */
export class LiveDeltaBuffer {
  private items: LiveDelta[] = [];
  private sizes: number[] = [];
  /** Index of the oldest kept delta: evicting moves it instead of shifting 20,000 entries on every delta. */
  private head = 0;
  private bytes = 0;
  private evictedAny = false;

  /**
   * Bounded by count and by size: an incident with hundreds of allocations and deadlines is pushed as a large view
   * on every change, and 20,000 of those must not exhaust the server's memory (found by the hostile-input suite).
   */
  constructor(
    private readonly capacity = 10_000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  add(delta: LiveDelta): void {
    const size = JSON.stringify(delta.data ?? null).length + delta.position.length + 64;
    this.items.push(delta);
    this.sizes.push(size);
    this.bytes += size;
    while (this.size > 1 && (this.size > this.capacity || this.bytes > this.maxBytes)) {
      this.bytes -= this.sizes[this.head]!;
      this.head++;
      this.evictedAny = true;
    }
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
  }

  /** Deltas strictly after `since`, or 'too_far_behind' when some may have been dropped. */
  since(since: string, floor: Position | undefined): LiveDelta[] | 'too_far_behind' | 'invalid' {
    const position = parsePosition(since);
    if (!position) return 'invalid';
    if (!floor || comparePositions(position, floor) < 0) return 'too_far_behind';
    const oldest = this.items[this.head];
    const oldestPosition = oldest ? parsePosition(oldest.position) : undefined;
    if (this.evictedAny && oldestPosition && comparePositions(position, oldestPosition) < 0) return 'too_far_behind';
    // Projections publish independently, so the buffer is only roughly ordered; consoles get position order.
    return this.items
      .slice(this.head)
      .map((delta) => ({ delta, at: parsePosition(delta.position)! }))
      .filter(({ at }) => comparePositions(at, position) > 0)
      .sort((a, b) => comparePositions(a.at, b.at))
      .map(({ delta }) => delta);
  }

  get size(): number {
    return this.items.length - this.head;
  }

  /** Approximate bytes held (JSON length of the payloads). */
  get heldBytes(): number {
    return this.bytes;
  }
}
