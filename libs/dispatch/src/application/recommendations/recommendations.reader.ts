import { Injectable } from '@nestjs/common';
import { IncidentLookup, type IncidentCategory } from '@app/incidents';
import type { Actor } from '@app/shared';
import { SPECIALTY_LABELS, TeamAvailabilityQueries } from '@app/teams';
import { needsOf } from '../../domain/incident-needs';
import type { Recommendations } from '../../contract';
import { rankTeams, rankWarehouses } from '../../domain/recommend';
import { WarehouseStockReader } from '../shared/warehouse-stock.reader';

export type { Recommendations } from '../../contract';

/** What to send: available teams and stocked warehouses the commander may use, ranked, each with its reason. */
@Injectable()
export class RecommendationsReader {
  constructor(
    private readonly incidents: IncidentLookup,
    private readonly teams: TeamAvailabilityQueries,
    private readonly stock: WarehouseStockReader,
  ) {}

  async recommend(incidentId: string, actor: Pick<Actor, 'scope'>): Promise<Recommendations> {
    const incident = await this.incidents.find(incidentId, actor.scope);
    const needs = needsOf(incident.category as IncidentCategory, incident.activePlans);
    const neededSpecialties = needs.specialties;
    const neededMaterials = needs.materials;
    const teams = await this.teams.list({ status: 'available', scope: actor.scope });
    const assignedIds = incident.assignedTeams
      .filter((a) => a.status !== 'returning' && a.status !== 'available')
      .map((a) => a.teamId);
    const assigned = await this.teams.byIds(assignedIds);
    const { warehouses, lines } = await this.stock.warehousesIn(actor.scope);
    return {
      incidentId,
      needsFrom: needs.source,
      neededTeams: needs.teamCounts.map(({ specialty, count }) => ({
        specialty,
        count,
        assigned: assigned.filter((a) => a.specialties.includes(specialty)).length,
      })),
      neededSpecialties,
      neededSpecialtyLabels: neededSpecialties.map((s) => SPECIALTY_LABELS[s] ?? s),
      neededMaterials,
      teams: rankTeams(
        incident.location,
        neededSpecialties,
        SPECIALTY_LABELS,
        teams.map((t) => ({
          id: t.id,
          name: t.name,
          kind: t.kind,
          specialties: t.specialties,
          location: t.location,
        })),
      ),
      warehouses: rankWarehouses(
        incident.location,
        neededMaterials,
        warehouses.map((w) => ({
          id: w.id,
          name: w.name,
          location: w.location,
          available: Object.fromEntries(
            lines.filter((l) => l.warehouseId === w.id).map((l) => [l.materialCode, l.onHand - l.reserved]),
          ),
        })),
      ),
    };
  }
}
