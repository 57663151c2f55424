import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { JurisdictionRegistry } from '@app/shared';

/** The read-model tables this context owns. */
export const expertEntities: (new () => object)[] = [];

/**
 * 专家库与会商: the expert library by specialty, invitations to an incident for consultation (会商) and their answers on the
 * timeline, recommendations by the incident and its plans (docs/experts.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature(expertEntities), CqrsModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class ExpertsModule {}

export function expertProjections(_jurisdictions: JurisdictionRegistry) {
  return [];
}
