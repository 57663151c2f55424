import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import { expertEvents, type ExpertEvent } from '../../domain/expert/expert.events';
import { ExpertRegisterRow } from './expert-register.entity';

/** The expert library from the `expert` streams. */
export class ExpertRegisterProjection implements Projection<ExpertEvent> {
  readonly name = 'expert-register';
  readonly filter = { kind: 'category', categories: ['expert'] } as const;
  readonly events = expertEvents;

  async apply(events: readonly Recorded<ExpertEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const register = manager.getRepository(ExpertRegisterRow);
    for (const event of events) {
      const stamp = { revision: Number(event.revision), position: formatPosition(event.position) };
      switch (event.type) {
        case 'ExpertRegistered': {
          const d = event.data;
          await manager
            .createQueryBuilder()
            .insert()
            .into(ExpertRegisterRow)
            .values({
              id: d.expertId,
              name: d.name,
              specialties: d.specialties,
              title: d.title,
              organization: d.organization,
              phone: d.phone,
              jurisdiction: d.jurisdiction,
              active: true,
              registeredAt: new Date(d.registeredAt),
              updatedAt: new Date(d.registeredAt),
              ...stamp,
            })
            .orIgnore()
            .execute();
          break;
        }
        case 'ExpertProfileUpdated':
          await register.update(
            { id: event.data.expertId },
            { ...event.data.changes, updatedAt: new Date(event.data.updatedAt), ...stamp },
          );
          break;
        case 'ExpertWithdrawn':
          await register.update(
            { id: event.data.expertId },
            { active: false, updatedAt: new Date(event.data.withdrawnAt), ...stamp },
          );
          break;
        default: {
          const unknownEvent: never = event;
          return unknownEvent;
        }
      }
    }
    return [];
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate expert_register');
  }
}
