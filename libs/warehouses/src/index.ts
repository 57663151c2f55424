// Material warehouses and supplies (应急物资储备库): the only entry point other code imports (domain code of other
// contexts: './domain').
export * from './domain';
export { warehouseAggregate } from './application/warehouse.aggregate';
export { WarehousesModule, warehouseEntities, warehouseProjections } from './warehouses.module';
export {
  WarehouseStockQueries,
  type StockLevel,
  type WarehouseAvailability,
  type WarehouseFilter,
} from './read-models/stock/stock.queries';
export type { WarehouseView } from './read-models/stock/stock.views';
