import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentLookup } from '@app/incidents';
import type { JurisdictionRegistry } from '@app/shared';
import { AllocateStockController } from './application/allocate-stock/allocate-stock.controller';
import { AllocateStockHandler } from './application/allocate-stock/allocate-stock.handler';
import { CountStockController } from './application/count-stock/count-stock.controller';
import { CountStockHandler } from './application/count-stock/count-stock.handler';
import { MoveAllocationController } from './application/move-allocation/move-allocation.controller';
import { MoveAllocationHandler } from './application/move-allocation/move-allocation.handler';
import { WarehouseQueriesController } from './application/query-warehouses/warehouse-queries.controller';
import { ReceiveStockController } from './application/receive-stock/receive-stock.controller';
import { ReceiveStockHandler } from './application/receive-stock/receive-stock.handler';
import { RegisterWarehouseController } from './application/register-warehouse/register-warehouse.controller';
import { RegisterWarehouseHandler } from './application/register-warehouse/register-warehouse.handler';
import { SetMinimumLevelController } from './application/set-minimum-level/set-minimum-level.controller';
import { SetMinimumLevelHandler } from './application/set-minimum-level/set-minimum-level.handler';
import { WarehouseAnswer } from './application/warehouse-answer';
import { AllocationRow, StockLevelRow, WarehouseRow } from './read-models/stock/stock.entities';
import { StockProjection } from './read-models/stock/stock.projection';
import { WarehouseStockQueries } from './read-models/stock/stock.queries';

/** The read-model tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const warehouseEntities = [WarehouseRow, StockLevelRow, AllocationRow];

/** Material warehouses and supplies (应急物资储备). Needs the CommandExecutor, CLOCK and JURISDICTIONS from the app. */
@Module({
  imports: [TypeOrmModule.forFeature(warehouseEntities), CqrsModule],
  controllers: [
    RegisterWarehouseController,
    ReceiveStockController,
    CountStockController,
    SetMinimumLevelController,
    AllocateStockController,
    MoveAllocationController,
    WarehouseQueriesController,
  ],
  providers: [
    WarehouseAnswer,
    IncidentLookup,
    WarehouseStockQueries,
    RegisterWarehouseHandler,
    ReceiveStockHandler,
    CountStockHandler,
    SetMinimumLevelHandler,
    AllocateStockHandler,
    MoveAllocationHandler,
  ],
  exports: [WarehouseStockQueries],
})
export class WarehousesModule {}

export function warehouseProjections(jurisdictions: JurisdictionRegistry) {
  return [new StockProjection(jurisdictions)];
}
