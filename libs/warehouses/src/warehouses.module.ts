import { TypeOrmModule } from '@nestjs/typeorm';
import { WarehouseRow, StockLevelRow, AllocationRow } from './read-models/stock.entities';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { JurisdictionRegistry } from '@app/shared';
import { AllocationsController } from './application/allocations/allocations.controller';
import { WarehouseQueriesController } from './application/queries/warehouse-queries.controller';
import { WarehouseCommandsController } from './application/register-warehouse/warehouse-commands.controller';
import { WarehouseCommandRunner } from './application/shared/warehouse-command-runner';
import { StockProjection } from './read-models/stock.projection';

/** The read-model tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const warehouseEntities = [WarehouseRow, StockLevelRow, AllocationRow];

/** Material warehouses and supplies (应急物资储备). Needs EVENT_STORE, CLOCK, JURISDICTIONS, PROJECTION_RUNNER, SNAPSHOT_STORE. */
@Module({
  imports: [TypeOrmModule.forFeature(warehouseEntities), CqrsModule],
  controllers: [WarehouseCommandsController, AllocationsController, WarehouseQueriesController],
  providers: [WarehouseCommandRunner],
})
export class WarehousesModule {}

export function warehouseProjections(jurisdictions: JurisdictionRegistry) {
  return [new StockProjection(jurisdictions)];
}
