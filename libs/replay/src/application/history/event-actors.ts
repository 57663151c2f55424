import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@app/event-store';
import { UserDirectory } from '@app/identity';
import { timelineActorOf } from '@app/incidents';
import type { ReplayActorView } from '../../contract';

/**
 * Names who recorded each event the way the incident timeline does (the same reading of the metadata, the same
 * directory of display names), so a replayed line credits the same person as the timeline's line for that event.
 */
@Injectable()
export class EventActors {
  constructor(private readonly directory: UserDirectory) {}

  async of(events: readonly RecordedEvent[]): Promise<(ReplayActorView | null)[]> {
    const actors = events.map((event) => (event.metadata?.actorId ? timelineActorOf(event.metadata) : null));
    const people = actors.flatMap((a) => (a?.kind === 'person' ? [a.id] : []));
    const names = await this.directory.displayNames([...new Set(people)]);
    return actors.map((a) =>
      a
        ? { name: (a.kind === 'person' ? names.get(a.id) : undefined) ?? a.recordedName, kind: a.kind, via: a.via }
        : null,
    );
  }
}
