import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentLookup } from '@app/incidents';
import { PlanRegisterQueries } from '@app/plans';
import type { ActorDirectory, JurisdictionRegistry } from '@app/shared';
import { ShelterQueriesController } from './application/query-shelters/shelter-queries.controller';
import { RecordOccupancyController } from './application/record-occupancy/record-occupancy.controller';
import { RecordOccupancyHandler } from './application/record-occupancy/record-occupancy.handler';
import { ShelterRecommendationsController } from './application/recommend-shelters/shelter-recommendations.controller';
import { ShelterRecommendationsReader } from './application/recommend-shelters/shelter-recommendations.reader';
import { RegisterShelterController } from './application/register-shelter/register-shelter.controller';
import { RegisterShelterHandler } from './application/register-shelter/register-shelter.handler';
import { ShelterAnswer } from './application/shelter-answer';
import { UpdateShelterController } from './application/update-shelter/update-shelter.controller';
import { UpdateShelterHandler } from './application/update-shelter/update-shelter.handler';
import { ShelterOccupancyRow, ShelterRow } from './read-models/shelter-register/shelter-register.entity';
import { ShelterRegisterProjection } from './read-models/shelter-register/shelter-register.projection';
import { ShelterRegister } from './read-models/shelter-register/shelter-register.queries';

/** The read-model tables this context owns. */
export const shelterEntities: (new () => object)[] = [ShelterRow, ShelterOccupancyRow];

/**
 * 应急避难场所: the register of parks, school grounds, stadiums, squares and public buildings with their capacity,
 * facilities and position; occupancy during an incident; recommendations when a plan calls for evacuation
 * (docs/shelters.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature(shelterEntities), CqrsModule],
  controllers: [
    RegisterShelterController,
    UpdateShelterController,
    RecordOccupancyController,
    ShelterQueriesController,
    ShelterRecommendationsController,
  ],
  providers: [
    IncidentLookup,
    PlanRegisterQueries,
    ShelterRegister,
    ShelterAnswer,
    RegisterShelterHandler,
    UpdateShelterHandler,
    RecordOccupancyHandler,
    ShelterRecommendationsReader,
  ],
  exports: [ShelterRegister],
})
export class SheltersModule {}

export function shelterProjections(jurisdictions: JurisdictionRegistry, actors?: ActorDirectory) {
  return [new ShelterRegisterProjection(jurisdictions, actors)];
}
