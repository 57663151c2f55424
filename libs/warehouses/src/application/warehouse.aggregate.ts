import { defineAggregate } from '@app/event-sourcing';
import { warehouseDecider } from '../domain/warehouse/warehouse.decider';

/**
 * A material warehouse (应急物资储备库): streams `warehouse-<id>`; a command's caller next reads the stock board. The
 * decider carries the snapshot policy (its streams grow for years), which the executor applies by itself.
 */
export const warehouseAggregate = defineAggregate({
  category: 'warehouse',
  decider: warehouseDecider,
  readModels: ['warehouse-stock'],
  resource: 'warehouses',
});
