import { Param, Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam, Paged, type ListPaging } from '@app/shared/nest';
import { MATERIALS, type Material } from '../../domain/materials/materials.catalogue';
import { WarehouseStockQueries } from '../../read-models/stock/stock.queries';
import type { WarehouseView } from '../../read-models/stock/stock.views';
import { JurisdictionFilterRequest } from './list-warehouses.request';

/** How the list pages (docs/api.md, "Paging every list"). */
const WAREHOUSE_PAGING: ListPaging<WarehouseView> = {
  list: 'warehouses/1',
  order: 'name',
  kinds: ['text', 'uuid'],
  keys: (w) => [w.name, w.id],
  defaultLimit: 1000,
  maxLimit: 1000,
};

@QueryController('', { tag: 'warehouses' })
export class WarehouseQueriesController {
  constructor(private readonly stock: WarehouseStockQueries) {}

  @QueryGet('materials', { requires: 'warehouse.read', summary: '应急物资目录（GB/T 38565 式 7 位编码）' })
  materials(): readonly Material[] {
    return MATERIALS;
  }

  @Paged(WAREHOUSE_PAGING)
  @QueryGet('warehouses', { requires: 'warehouse.read', summary: '储备库及库存（本辖区及下级辖区）' })
  list(@Query() query: JurisdictionFilterRequest, @CurrentActor() actor: Actor): Promise<WarehouseView[]> {
    return this.stock.list({ ...query, scope: actor.scope });
  }

  @QueryGet('warehouses/:id', { requires: 'warehouse.read', summary: '储备库库存：在库、预留、可用、最低库存、近效期' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<WarehouseView> {
    return this.stock.get(id, actor.scope);
  }
}
