import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserNames } from '@app/identity';
import type { JurisdictionRegistry } from '@app/shared';
import { HazardSourceAnswer } from './application/hazard-source-answer';
import { HazardSourceQueriesController } from './application/query-hazard-sources/hazard-source-queries.controller';
import { RegisterHazardSourceController } from './application/register-hazard-source/register-hazard-source.controller';
import { RegisterHazardSourceHandler } from './application/register-hazard-source/register-hazard-source.handler';
import { RetireHazardSourceController } from './application/retire-hazard-source/retire-hazard-source.controller';
import { RetireHazardSourceHandler } from './application/retire-hazard-source/retire-hazard-source.handler';
import { ReviseHazardSourceController } from './application/revise-hazard-source/revise-hazard-source.controller';
import { ReviseHazardSourceHandler } from './application/revise-hazard-source/revise-hazard-source.handler';
import {
  HazardSourceHistoryRow,
  HazardSourceRow,
} from './read-models/hazard-source-register/hazard-source-register.entity';
import { HazardSourceRegisterProjection } from './read-models/hazard-source-register/hazard-source-register.projection';
import { HazardSourceRegister } from './read-models/hazard-source-register/hazard-source-register.queries';

/** The read-model tables this context owns. */
export const enterpriseEntities: (new () => object)[] = [HazardSourceRow, HazardSourceHistoryRow];

/**
 * 企业与重大危险源: the register of regulated units (统一社会信用代码, contacts, gateways' device keys) and of their
 * major hazard sources identified and graded per GB 18218-2018 (docs/enterprises.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature(enterpriseEntities), CqrsModule],
  controllers: [
    RegisterHazardSourceController,
    ReviseHazardSourceController,
    RetireHazardSourceController,
    HazardSourceQueriesController,
  ],
  providers: [
    UserNames,
    HazardSourceRegister,
    HazardSourceAnswer,
    RegisterHazardSourceHandler,
    ReviseHazardSourceHandler,
    RetireHazardSourceHandler,
  ],
  exports: [HazardSourceRegister],
})
export class EnterprisesModule {}

export function enterpriseProjections(_jurisdictions: JurisdictionRegistry) {
  return [new HazardSourceRegisterProjection()];
}
