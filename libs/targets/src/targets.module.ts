import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { JurisdictionRegistry } from '@app/shared';

/** The read-model tables this context owns. */
export const targetEntities: (new () => object)[] = [];

/**
 * 考核目标: targets per jurisdiction and year (counts, shares, rates with their denominators, reductions against a
 * baseline year), split down to lower jurisdictions, and the progress against them (docs/targets.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature(targetEntities), CqrsModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class TargetsModule {}

export function targetProjections(_jurisdictions: JurisdictionRegistry) {
  return [];
}
