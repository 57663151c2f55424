import { comparePositions, parsePosition, type Position } from '@app/event-store';
import type { LiveDelta } from './live-delta';

/**
 * The recent deltas, in publish order, so a console that reconnects with `resume { since }` gets what it missed.
 * When `since` is older than the oldest kept delta (or unknown after a restart), the client must reload.
 */
export class LiveDeltaBuffer {
  private readonly items: LiveDelta[] = [];
  private evictedAny = false;

  constructor(private readonly capacity = 10_000) {}

  add(delta: LiveDelta): void {
    this.items.push(delta);
    if (this.items.length > this.capacity) {
      this.items.splice(0, this.items.length - this.capacity);
      this.evictedAny = true;
    }
  }

  /** Deltas strictly after `since`, or 'too_far_behind' when some may have been dropped. */
  since(since: string, floor: Position | undefined): LiveDelta[] | 'too_far_behind' | 'invalid' {
    const position = parsePosition(since);
    if (!position) return 'invalid';
    if (!floor || comparePositions(position, floor) < 0) return 'too_far_behind';
    const oldest = this.items[0];
    const oldestPosition = oldest ? parsePosition(oldest.position) : undefined;
    if (this.evictedAny && oldestPosition && comparePositions(position, oldestPosition) < 0) return 'too_far_behind';
    // Projections publish independently, so the buffer is only roughly ordered; consoles get position order.
    return this.items
      .map((delta) => ({ delta, at: parsePosition(delta.position)! }))
      .filter(({ at }) => comparePositions(at, position) > 0)
      .sort((a, b) => comparePositions(a.at, b.at))
      .map(({ delta }) => delta);
  }

  get size(): number {
    return this.items.length;
  }
}
