// Material warehouses and supplies (应急物资储备库): the only entry point other code imports.
export { WarehousesModule, warehouseEntities, warehouseProjections } from './warehouses.module';
export { AllocationRow, StockLevelRow, WarehouseRow } from './read-models/stock.entities';
export * from './domain/materials.catalogue';
export * from './domain/warehouse.types';
export { warehouseEvents, type WarehouseEvent } from './domain/warehouse.events';
export { warehouseDecider } from './domain/warehouse.decider';
export { warehouseAggregate } from './application/warehouse.aggregate';
export type { WarehouseState } from './domain/warehouse.state';
export type { WarehouseCommand } from './domain/warehouse.commands';
