import { Injectable } from '@nestjs/common';
import { IncidentLookup } from '@app/incidents';
import { PlanRegisterQueries } from '@app/plans';
import { DomainError, type Actor } from '@app/shared';
import type { ShelterRecommendationsView } from '../../contract';
import { callsForEvacuation, peopleToShelter, rankShelters } from '../../domain/evacuation/evacuation';
import { SHELTER_KIND_LABELS } from '../../domain/shelter/shelter.types';
import { ShelterRegister } from '../../read-models/shelter-register/shelter-register.queries';

/**
 * Shelters for an incident: whether an active plan's task at its activated level calls for evacuation (read from
 * the version each activation pinned), and the shelters the actor sees by free room and distance from the scene.
 */
@Injectable()
export class ShelterRecommendationsReader {
  constructor(
    private readonly incidents: IncidentLookup,
    private readonly plans: PlanRegisterQueries,
    private readonly register: ShelterRegister,
  ) {}

  async recommend(incidentId: string, actor: Actor): Promise<ShelterRecommendationsView> {
    const incident = await this.incidents.find(incidentId, actor.scope);
    const tasks: string[] = [];
    for (const active of incident.activePlans) {
      const version = await this.plans.version(active.planId, String(active.version), actor).catch((error) => {
        // A plan the actor does not read (or a version gone from the register) simply adds nothing.
        if (error instanceof DomainError) return null;
        throw error;
      });
      for (const group of version?.groups ?? []) {
        for (const task of group.tasks) {
          const atLevel = (task.responseLevels as readonly string[]).includes(active.level);
          if (atLevel && callsForEvacuation(task.title) && !tasks.includes(task.title)) tasks.push(task.title);
        }
      }
    }
    const shelters = (await this.register.list({ scope: actor.scope })).filter((s) => s.active);
    const ranked = rankShelters(incident.location, shelters);
    return {
      incidentId: incident.id,
      evacuationCalledFor: tasks.length > 0,
      evacuationTasks: tasks,
      peopleToShelter: peopleToShelter(incident.casualties),
      shelters: ranked.map(({ shelter, distanceKm, freeCapacity }) => ({
        shelterId: shelter.id,
        name: shelter.name,
        kind: shelter.kind,
        kindLabel: SHELTER_KIND_LABELS[shelter.kind] ?? shelter.kind,
        distanceKm,
        capacity: shelter.capacity,
        freeCapacity,
        reason:
          freeCapacity > 0
            ? `距事发地 ${distanceKm} 公里，尚可容纳 ${freeCapacity.toLocaleString('zh-CN')} 人`
            : `距事发地 ${distanceKm} 公里，已满员`,
      })),
    };
  }
}
