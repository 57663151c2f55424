import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { CLOCK, JURISDICTIONS, type Actor, type Clock, type JurisdictionRegistry } from '@app/shared';
import { CurrentActor, Requires, uuidParam, IsKnownJurisdiction } from '@app/shared/nest';
import { MATERIALS, type Material } from '../../domain/materials.catalogue';
import { WarehouseNotFoundError } from '../../domain/warehouse.errors';
import { StockLevelRow, WarehouseRow } from '../../read-models/stock.entities';
import { toWarehouseView, type WarehouseView } from '../../read-models/stock.views';

export class JurisdictionFilterRequest {
  @ApiPropertyOptional() @IsOptional() @IsKnownJurisdiction() jurisdiction?: string;
}

@ApiTags('warehouses')
@Controller()
export class WarehouseQueriesController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('materials')
  @Requires('warehouse.read')
  @ApiOperation({ summary: '应急物资目录（GB/T 38565 式 7 位编码）' })
  materials(): readonly Material[] {
    return MATERIALS;
  }

  @Get('warehouses')
  @Requires('warehouse.read')
  @ApiOperation({ summary: '储备库及库存（本辖区及下级辖区）' })
  async list(@Query() query: JurisdictionFilterRequest, @CurrentActor() actor: Actor): Promise<WarehouseView[]> {
    const asked = query.jurisdiction ? this.jurisdictions.descendants(query.jurisdiction) : actor.scope;
    const rows = await this.dataSource.getRepository(WarehouseRow).find({ where: { jurisdiction: In(asked.filter((c) => actor.scope.includes(c))) }, order: { name: 'ASC' } });
    const lines = rows.length === 0 ? [] : await this.dataSource.getRepository(StockLevelRow).find({ where: { warehouseId: In(rows.map((r) => r.id)) }, order: { materialCode: 'ASC' } });
    const now = this.clock.now();
    return rows.map((row) => toWarehouseView(row, lines.filter((l) => l.warehouseId === row.id), this.jurisdictions, now));
  }

  @Get('warehouses/:id')
  @Requires('warehouse.read')
  @ApiOperation({ summary: '储备库库存：在库、预留、可用、最低库存、近效期' })
  async get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<WarehouseView> {
    const row = await this.dataSource.getRepository(WarehouseRow).findOneBy({ id, jurisdiction: In([...actor.scope]) });
    if (!row) throw new WarehouseNotFoundError();
    const lines = await this.dataSource.getRepository(StockLevelRow).find({ where: { warehouseId: id }, order: { materialCode: 'ASC' } });
    return toWarehouseView(row, lines, this.jurisdictions, this.clock.now());
  }
}
