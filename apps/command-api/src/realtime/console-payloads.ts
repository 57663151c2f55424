import type { LiveDelta } from '@app/event-sourcing';
import type { ViewChange } from '@app/event-sourcing/contract';
import { LiveViewChanges } from '@app/event-sourcing/projections';
import type { IncidentView } from '@app/incidents/contract';
import type { Target } from './corked-fanout';

/** A whole view as a protocol 2 change: every field, no base (the console replaces what it holds, if older). */
export function wholeChange(view: IncidentView): ViewChange<IncidentView> {
  const { id, revision, position, ...changed } = view;
  return { id, revision, position, base: null, changed };
}

/**
 * What each protocol's consoles are sent for one delta: the same `{ position, data }` except `incident.changed`,
 * whose protocol 2 payload is the change since the version of the incident sent before (`LiveViewChanges`).
 * Computed once per delta, however many consoles receive it.
 */
export class ConsolePayloads {
  private readonly incidents = new LiveViewChanges<IncidentView>();

  targets(delta: LiveDelta, rooms: { v1: string[]; v2: string[] }): Target[] {
    const whole = { position: delta.position, data: delta.data };
    const compact =
      delta.name === 'incident.changed' ? { position: delta.position, data: this.incidents.change(delta.data) } : whole;
    return [
      { rooms: rooms.v2, payload: compact },
      { rooms: rooms.v1, payload: whole },
    ];
  }
}
