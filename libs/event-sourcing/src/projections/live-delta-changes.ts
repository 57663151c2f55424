import { isDeepStrictEqual } from 'node:util';
import { comparePositions, parsePosition } from '@app/event-store';
import type { ViewChange } from '../contract';

type Versioned = { id: string; revision: number; position: string };

/**
 * Turns the whole views projections publish into what changed since the version last published of each (by id), so
 * a console is sent the few fields a command touched instead of the whole incident with its deadlines, allocations
 * and tasks. Computed once where deltas are fanned out, not in the projections: they keep publishing whole views (the
 * resume buffer, protocol 1 and other processes use those).
 *
 * Bounded: the `capacity` most recently changed views are kept; a view not kept (evicted, or first seen since this
 * process started) is sent whole (`base: null`). A change only ever names as its base the exact version it was
 * computed from, so a console holding another version reloads rather than patching the wrong one.
 */
export class LiveViewChanges<V extends Versioned> {
  private readonly last = new Map<string, V>();

  constructor(private readonly capacity = 2_000) {}

  change(view: V): ViewChange<V> {
    const before = this.last.get(view.id);
    const { id, revision, position } = view;
    if (!before || !isNewer(view, before)) {
      // An older version arriving late (it cannot be based on a newer one) is sent whole; consoles keep the newer.
      if (!before) this.remember(view);
      return { id, revision, position, base: null, changed: withoutIdentity(view) };
    }
    const changed: Partial<V> = {};
    for (const key of Object.keys(view) as (keyof V)[]) {
      if (key === 'id' || key === 'revision' || key === 'position') continue;
      if (!isDeepStrictEqual(view[key], before[key])) changed[key] = view[key];
    }
    // A field the newer view no longer has is sent as null (views name every field; this only guards a shape change).
    for (const key of Object.keys(before) as (keyof V)[]) if (!(key in view)) changed[key] = null as V[keyof V];
    this.remember(view);
    return { id, revision, position, base: before.position, changed };
  }

  get size(): number {
    return this.last.size;
  }

  private remember(view: V): void {
    this.last.delete(view.id);
    this.last.set(view.id, view);
    if (this.last.size > this.capacity) this.last.delete(this.last.keys().next().value as string);
  }
}

function isNewer(view: Versioned, than: Versioned): boolean {
  const a = parsePosition(view.position);
  const b = parsePosition(than.position);
  if (!a || !b) return false;
  return comparePositions(a, b) > 0;
}

function withoutIdentity<V extends Versioned>(view: V): Partial<V> {
  const { id: _id, revision: _revision, position: _position, ...rest } = view;
  return rest as Partial<V>;
}
