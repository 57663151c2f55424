import type { ViewChange } from '@app/event-sourcing/contract';
import type { IncidentView } from '@app/incidents/contract';
import { get } from '../api';
import { comparePositions } from '../position';

export type IncidentChange = ViewChange<IncidentView>;

/**
 * A change applied to the version of the incident held: the whole incident it makes, 'stale' when what is held is
 * already as new or newer (nothing to do), or 'unknown' when the change is based on a version not held (the incident
 * must be read again: patching another version would show a screen that never existed).
 */
export function applyIncidentChange(
  held: IncidentView | undefined,
  change: IncidentChange,
): IncidentView | 'stale' | 'unknown' {
  if (held && comparePositions(held.position, change.position) >= 0) return 'stale';
  const { id, revision, position } = change;
  if (change.base === null) return { ...(change.changed as IncidentView), id, revision, position };
  if (!held || held.position !== change.base) return 'unknown';
  return { ...held, ...change.changed, id, revision, position };
}

/**
 * The newest whole version of every incident this console has read or been sent, so that `incident.changed` (protocol
 * 2: only what changed, ADR 0020) can be turned back into the whole incident every screen keeps. A change based on a
 * version not held has the incident read again over HTTP (once, however many changes wait for it); later changes of
 * that incident wait for that read, so they are applied in order. Screens receive whole incidents only.
 */
export class IncidentChanges {
  private readonly views = new Map<string, IncidentView>();
  private readonly waiting = new Map<string, Promise<void>>();

  constructor(
    private readonly load: (id: string) => Promise<IncidentView>,
    private readonly publish: (incident: IncidentView) => void,
    private readonly capacity = 5_000,
  ) {}

  /** A version read over HTTP or answered by a command: the base later changes may apply to. */
  remember(incident: IncidentView): void {
    const held = this.views.get(incident.id);
    if (held && comparePositions(held.position, incident.position) >= 0) return;
    this.views.delete(incident.id);
    this.views.set(incident.id, incident);
    if (this.views.size > this.capacity) this.views.delete(this.views.keys().next().value as string);
  }

  get(id: string): IncidentView | undefined {
    return this.views.get(id);
  }

  /** A change from the live line. Resolves once it has been applied (or found stale, or its reload failed). */
  receive(change: IncidentChange): Promise<void> {
    const before = this.waiting.get(change.id);
    if (!before && this.applyHeld(change)) return Promise.resolve();
    const next = (before ?? Promise.resolve()).then(() => this.applyOrLoad(change));
    this.waiting.set(change.id, next);
    void next.finally(() => {
      if (this.waiting.get(change.id) === next) this.waiting.delete(change.id);
    });
    return next;
  }

  /** True when the change could be settled with what is held. */
  private applyHeld(change: IncidentChange): boolean {
    const result = applyIncidentChange(this.views.get(change.id), change);
    if (result === 'unknown') return false;
    if (result !== 'stale') {
      this.remember(result);
      this.publish(result);
    }
    return true;
  }

  private async applyOrLoad(change: IncidentChange): Promise<void> {
    if (this.applyHeld(change)) return;
    try {
      const loaded = await this.load(change.id);
      const held = this.views.get(change.id);
      if (held && comparePositions(held.position, loaded.position) >= 0) return;
      this.remember(loaded);
      this.publish(loaded);
    } catch (error) {
      // Not shown rather than shown wrong: the screens keep the version they had until the next change or reload.
      console.warn('incident reload failed', change.id, error);
    }
  }
}

let sink: (incident: IncidentView) => void = () => undefined;

/**
 * The console's one instance: loaders feed it what they read (`rememberIncidents`), the live connection feeds it
 * changes and tells it where whole incidents go (`publishIncidentsTo`).
 */
export const incidentChanges = new IncidentChanges(
  (id) => get<IncidentView>(`/incidents/${id}`),
  (incident) => sink(incident),
);

/** Where the whole incidents made from changes go, until the returned function is called. */
export function publishIncidentsTo(publish: (incident: IncidentView) => void): () => void {
  sink = publish;
  return () => {
    if (sink === publish) sink = () => undefined;
  };
}

/** Incidents read over HTTP (or answered by a command): remembered as the base of the next changes. */
export function rememberIncidents(incidents: readonly IncidentView[]): void {
  for (const incident of incidents) incidentChanges.remember(incident);
}
