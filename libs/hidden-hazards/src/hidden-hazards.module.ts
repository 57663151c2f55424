import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { JurisdictionRegistry } from '@app/shared';

/** The read-model tables this context owns. */
export const hiddenHazardEntities: (new () => object)[] = [];

/**
 * 隐患排查治理 (双重预防机制): hidden hazards found by enterprises or inspectors, graded, rectified by a deadline, supervised by
 * a government level (挂牌督办), verified (验收) and closed (销号); overdue rectification raises an alarm
 * (docs/hidden-hazards.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature(hiddenHazardEntities), CqrsModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class HiddenHazardsModule {}

export function hiddenHazardProjections(_jurisdictions: JurisdictionRegistry) {
  return [];
}
