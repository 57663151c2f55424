import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { JurisdictionRegistry } from '@app/shared';

/** The read-model tables this context owns. */
export const shelterEntities: (new () => object)[] = [];

/**
 * 应急避难场所: shelters with capacity and facilities, their occupancy during an incident, recommendations by distance and
 * free room when a plan calls for evacuation (docs/shelters.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature(shelterEntities), CqrsModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class SheltersModule {}

export function shelterProjections(_jurisdictions: JurisdictionRegistry) {
  return [];
}
