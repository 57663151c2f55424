import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { MATERIALS, type Material } from '../../domain/materials/materials.catalogue';
import { WarehouseStockQueries } from '../../read-models/stock/stock.queries';
import type { WarehouseView } from '../../read-models/stock/stock.views';
import { JurisdictionFilterRequest } from './list-warehouses.request';

@ApiTags('warehouses')
@Controller()
export class WarehouseQueriesController {
  constructor(private readonly stock: WarehouseStockQueries) {}

  @Get('materials')
  @Requires('warehouse.read')
  @ApiOperation({ summary: '应急物资目录（GB/T 38565 式 7 位编码）' })
  materials(): readonly Material[] {
    return MATERIALS;
  }

  @Get('warehouses')
  @Requires('warehouse.read')
  @ApiOperation({ summary: '储备库及库存（本辖区及下级辖区）' })
  list(@Query() query: JurisdictionFilterRequest, @CurrentActor() actor: Actor): Promise<WarehouseView[]> {
    return this.stock.list({ ...query, scope: actor.scope });
  }

  @Get('warehouses/:id')
  @Requires('warehouse.read')
  @ApiOperation({ summary: '储备库库存：在库、预留、可用、最低库存、近效期' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<WarehouseView> {
    return this.stock.get(id, actor.scope);
  }
}
