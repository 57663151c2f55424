// The warehouses context's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './materials/materials.catalogue';
export * from './warehouse/warehouse.types';
export * from './warehouse/warehouse.events';
export * from './warehouse/warehouse.commands';
export * from './warehouse/warehouse.errors';
export { warehouseDecider } from './warehouse/warehouse.decider';
export type { WarehouseState, Batch, MaterialStock, OpenAllocation } from './warehouse/warehouse.state';
