import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, In } from 'typeorm';
import { GetIncidentQuery, type IncidentCategory, type IncidentView } from '@app/incidents';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { SPECIALTY_LABELS, TeamAvailabilityRow } from '@app/teams';
import { StockLevelRow, WarehouseRow } from '@app/warehouses';
import { needsOf } from '../domain/incident-needs';
import type { Recommendations } from '../contract';
import { rankTeams, rankWarehouses } from '../domain/recommend';

export type { Recommendations } from '../contract';

/** What to send: available teams and stocked warehouses the commander may use, ranked, each with its reason. */
@ApiTags('dispatch')
@Controller('incidents/:id/recommendations')
export class RecommendationsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Requires('incident.read')
  @ApiOperation({ summary: '调派建议：按专长匹配、距离与到达时间排序的队伍，及能满足物资需求的储备库' })
  async recommend(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<Recommendations> {
    const incident: IncidentView = await this.queries.execute(new GetIncidentQuery(id, actor.scope));
    const needs = needsOf(incident.category as IncidentCategory, incident.activePlans);
    const neededSpecialties = needs.specialties;
    const neededMaterials = needs.materials;
    const scope = In([...actor.scope]);
    const teams = await this.dataSource.getRepository(TeamAvailabilityRow).findBy({ status: 'available', jurisdiction: scope });
    const assignedIds = incident.assignedTeams.filter((a) => a.status !== 'returning' && a.status !== 'available').map((a) => a.teamId);
    const assigned = assignedIds.length === 0 ? [] : await this.dataSource.getRepository(TeamAvailabilityRow).findBy({ id: In(assignedIds) });
    const warehouses = await this.dataSource.getRepository(WarehouseRow).findBy({ jurisdiction: scope });
    const lines = warehouses.length === 0 ? [] : await this.dataSource.getRepository(StockLevelRow).findBy({ warehouseId: In(warehouses.map((w) => w.id)) });
    return {
      incidentId: id,
      needsFrom: needs.source,
      neededTeams: needs.teamCounts.map(({ specialty, count }) => ({ specialty, count, assigned: assigned.filter((a) => a.specialties.includes(specialty)).length })),
      neededSpecialties,
      neededSpecialtyLabels: neededSpecialties.map((s) => SPECIALTY_LABELS[s] ?? s),
      neededMaterials,
      teams: rankTeams(incident.location, neededSpecialties, SPECIALTY_LABELS, teams.map((t) => ({
        id: t.id, name: t.name, kind: t.kind, specialties: t.specialties, location: t.lastLocation ?? { lat: t.base.lat, lng: t.base.lng },
      }))),
      warehouses: rankWarehouses(incident.location, neededMaterials, warehouses.map((w) => ({
        id: w.id, name: w.name, location: w.location,
        available: Object.fromEntries(lines.filter((l) => l.warehouseId === w.id).map((l) => [l.materialCode, l.onHand - l.reserved])),
      }))),
    };
  }
}
