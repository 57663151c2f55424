import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, formatPosition, readWholeStream, StreamNotFoundError, type EventStore } from '@app/event-store';
import type { StoredEventView } from '../../contract';
import { IncidentNotFoundError } from '../../domain/incident/incident.errors';
import { incidentStream } from '../../domain/incident/incident.types';

/** The raw stored events of an incident with their metadata, for audit: read from the store itself, not a read model. */
@Injectable()
export class IncidentEventsQueries {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async events(incidentId: string, scope: readonly string[]): Promise<StoredEventView[]> {
    try {
      const events = await readWholeStream(this.store, incidentStream(incidentId));
      // Every incident event carries the incident's jurisdiction; outside the actor's scope it does not exist.
      if (!events.some((e) => typeof e.metadata.jurisdiction === 'string' && scope.includes(e.metadata.jurisdiction))) {
        throw new IncidentNotFoundError();
      }
      return events.map((e) => ({
        id: e.id,
        type: e.type,
        revision: Number(e.revision),
        position: formatPosition(e.position),
        recordedAt: e.recordedAt.toISOString(),
        // Every event of an incident stream is recorded from an object (its event type's data).
        data: e.data as Record<string, unknown>,
        metadata: e.metadata,
      }));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new IncidentNotFoundError();
      throw error;
    }
  }
}
