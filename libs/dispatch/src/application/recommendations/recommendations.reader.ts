import { Injectable } from '@nestjs/common';
import { IncidentLookup, type IncidentCategory } from '@app/incidents';
import type { Actor } from '@app/shared';
import { SPECIALTY_LABELS, TeamAvailabilityQueries } from '@app/teams';
import { needsOf } from '../../domain/incident-needs';
import { outstandingNeeds } from '../../domain/outstanding-needs';
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
    const teams = await this.teams.list({ status: 'available', scope: actor.scope });
    // Teams still working the incident count towards its needs; one returning or released no longer does.
    const committedIds = incident.assignedTeams
      .filter((a) => a.status === 'dispatched' || a.status === 'en_route' || a.status === 'on_scene')
      .map((a) => a.teamId);
    const committed = await this.teams.byIds(committedIds);
    const outstanding = outstandingNeeds(
      needs,
      committed,
      incident.allocations.filter((a) => a.status !== 'cancelled'),
    );
    const neededSpecialties = outstanding.teams.map((t) => t.specialty);
    const { warehouses, lines } = await this.stock.warehousesIn(actor.scope);
    return {
      incidentId,
      needsFrom: needs.source,
      neededTeams: needs.teamCounts.map(({ specialty, count }) => ({
        specialty,
        count,
        assigned: outstanding.teams.find((t) => t.specialty === specialty)?.assigned ?? 0,
      })),
      neededSpecialties,
      neededSpecialtyLabels: neededSpecialties.map((s) => SPECIALTY_LABELS[s] ?? s),
      teamNeeds: outstanding.teams.map((t) => ({ ...t, label: SPECIALTY_LABELS[t.specialty] ?? t.specialty })),
      materialNeeds: outstanding.materials,
      neededMaterials: outstanding.remainingMaterials,
      teams: rankTeams(
        incident.location,
        outstanding.unmetSpecialties,
        SPECIALTY_LABELS,
        teams.map((t) => ({
          id: t.id,
          name: t.name,
          kind: t.kind,
          specialties: t.specialties,
          location: t.location,
        })),
        outstanding.metSpecialties,
      ),
      warehouses: rankWarehouses(
        incident.location,
        outstanding.remainingMaterials,
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
