import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import type { ActorDirectory, JurisdictionRegistry } from '@app/shared';
import { shelterEvents, type ShelterEvent } from '../../domain/shelter/shelter.events';
import { ShelterOccupancyRow, ShelterRow } from './shelter-register.entity';
import { toShelterView } from './shelter.views';

/** The shelter register and its occupancy history; each change goes to the jurisdiction's consoles (`shelter.changed`). */
export class ShelterRegisterProjection implements Projection<ShelterEvent> {
  readonly name = 'shelter-register';
  readonly filter = { kind: 'category', categories: ['shelter'] } as const;
  readonly events = shelterEvents;

  constructor(
    private readonly jurisdictions: JurisdictionRegistry,
    private readonly directory?: ActorDirectory,
  ) {}

  async apply(events: readonly Recorded<ShelterEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const register = manager.getRepository(ShelterRow);
    const changed = new Set<string>();
    // People are named as colleagues know them (display name), looked up once per batch; the sign-in name recorded
    // with the event stands in for an account that is gone or when no directory is wired in.
    const names = this.directory
      ? await this.directory.displayNames([...new Set(events.map((e) => e.metadata.actorId))])
      : new Map<string, string>();
    for (const event of events) {
      const stamp = { revision: Number(event.revision), position: formatPosition(event.position) };
      switch (event.type) {
        case 'ShelterRegistered': {
          const d = event.data;
          await manager
            .createQueryBuilder()
            .insert()
            .into(ShelterRow)
            .values({
              id: d.shelterId,
              name: d.name,
              kind: d.kind,
              capacity: d.capacity,
              occupants: 0,
              facilities: d.facilities,
              address: d.address,
              lat: d.location.lat,
              lng: d.location.lng,
              jurisdiction: d.jurisdiction,
              incidentId: null,
              incidentTitle: null,
              occupancyUpdatedAt: null,
              active: true,
              registeredAt: new Date(d.registeredAt),
              updatedAt: new Date(d.registeredAt),
              ...stamp,
            })
            .orIgnore()
            .execute();
          break;
        }
        case 'ShelterProfileUpdated': {
          const { location, ...plain } = event.data.changes;
          await register.update(
            { id: event.data.shelterId },
            {
              ...plain,
              ...(location ? { lat: location.lat, lng: location.lng } : {}),
              updatedAt: new Date(event.data.updatedAt),
              ...stamp,
            },
          );
          break;
        }
        case 'ShelterOccupancyRecorded': {
          const d = event.data;
          const by =
            names.get(event.metadata.actorId) ??
            (typeof event.metadata.actorName === 'string' ? event.metadata.actorName : event.metadata.actorId);
          await register.update(
            { id: d.shelterId },
            {
              occupants: d.occupants,
              incidentId: d.incidentId,
              incidentTitle: d.incidentTitle,
              occupancyUpdatedAt: new Date(d.recordedAt),
              ...stamp,
            },
          );
          await manager
            .createQueryBuilder()
            .insert()
            .into(ShelterOccupancyRow)
            .values({
              shelterId: d.shelterId,
              revision: stamp.revision,
              at: new Date(d.recordedAt),
              occupants: d.occupants,
              incidentId: d.incidentId,
              incidentTitle: d.incidentTitle,
              note: d.note,
              by,
            })
            .orIgnore()
            .execute();
          break;
        }
        default: {
          const unknownEvent: never = event;
          return unknownEvent;
        }
      }
      changed.add(event.data.shelterId);
    }
    const deltas: LiveDelta[] = [];
    for (const id of changed) {
      const row = await register.findOneBy({ id });
      if (!row) continue;
      deltas.push({
        name: 'shelter.changed',
        position: row.position,
        scope: { jurisdiction: row.jurisdiction },
        data: toShelterView(row, this.jurisdictions),
      });
    }
    return deltas;
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate shelter_register, shelter_occupancy');
  }
}
