import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import { CurrentActor, Requires, IsKnownJurisdiction } from '@app/shared/nest';
import { TeamAvailabilityRow } from '@app/teams';
import { materialByCode, StockLevelRow } from '@app/warehouses';

export class AvailabilityRequest {
  @ApiPropertyOptional() @IsOptional() @IsKnownJurisdiction() jurisdiction?: string;
}

/** Resource availability for a jurisdiction and everything below it: teams by specialty and status, stock by material. */
@ApiTags('dispatch')
@Controller('availability')
export class AvailabilityController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  @Get()
  @Requires('warehouse.read')
  @ApiOperation({ summary: '资源可用情况：队伍（按专长、状态）与物资（按品种汇总各库）' })
  async get(@Query() query: AvailabilityRequest, @CurrentActor() actor: Actor) {
    const asked = query.jurisdiction ? this.jurisdictions.descendants(query.jurisdiction) : [...actor.scope];
    const codes = asked.filter((c) => actor.scope.includes(c));
    const teams = await this.dataSource.getRepository(TeamAvailabilityRow).findBy({ jurisdiction: In(codes) });
    const bySpecialty = new Map<string, Record<string, number>>();
    for (const team of teams) {
      for (const specialty of team.specialties) {
        const counts = bySpecialty.get(specialty) ?? {};
        counts[team.status] = (counts[team.status] ?? 0) + 1;
        bySpecialty.set(specialty, counts);
      }
    }
    const lines = await this.dataSource.getRepository(StockLevelRow).findBy({ jurisdiction: In(codes) });
    const byMaterial = new Map<string, { onHand: number; reserved: number; available: number; warehouses: number; belowMinimum: number }>();
    for (const line of lines) {
      const sum = byMaterial.get(line.materialCode) ?? { onHand: 0, reserved: 0, available: 0, warehouses: 0, belowMinimum: 0 };
      sum.onHand += line.onHand;
      sum.reserved += line.reserved;
      sum.available += line.onHand - line.reserved;
      sum.warehouses += 1;
      if (line.onHand - line.reserved < line.minimum) sum.belowMinimum += 1;
      byMaterial.set(line.materialCode, sum);
    }
    return {
      jurisdictions: codes,
      teams: [...bySpecialty].map(([specialty, byStatus]) => ({ specialty, byStatus })).sort((a, b) => a.specialty.localeCompare(b.specialty)),
      stock: [...byMaterial].map(([materialCode, sum]) => ({ materialCode, materialName: materialByCode(materialCode)?.name ?? materialCode, unit: materialByCode(materialCode)?.unit ?? '', ...sum })).sort((a, b) => a.materialCode.localeCompare(b.materialCode)),
    };
  }
}
