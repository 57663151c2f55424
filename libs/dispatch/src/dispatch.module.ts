import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AvailabilityController } from './application/availability.controller';
import { RecommendationsController } from './application/recommendations.controller';

/** Dispatch across contexts: recommendations and availability (reads), and the dispatch process manager. */
@Module({
  imports: [CqrsModule],
  controllers: [RecommendationsController, AvailabilityController],
})
export class DispatchModule {}
