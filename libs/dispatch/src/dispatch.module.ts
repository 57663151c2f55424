import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IncidentLookup } from '@app/incidents';
import { TeamAvailabilityQueries } from '@app/teams';
import { WarehouseStockQueries } from '@app/warehouses';
import { AvailabilityController } from './application/availability/availability.controller';
import { AvailabilityReader } from './application/availability/availability.reader';
import { RecommendationsController } from './application/recommendations/recommendations.controller';
import { RecommendationsReader } from './application/recommendations/recommendations.reader';
import { WarehouseStockReader } from './application/shared/warehouse-stock.reader';

/** Dispatch across contexts: recommendations and availability (reads), and the dispatch process manager. */
@Module({
  imports: [CqrsModule],
  controllers: [RecommendationsController, AvailabilityController],
  providers: [
    IncidentLookup,
    TeamAvailabilityQueries,
    WarehouseStockQueries,
    WarehouseStockReader,
    AvailabilityReader,
    RecommendationsReader,
  ],
})
export class DispatchModule {}
