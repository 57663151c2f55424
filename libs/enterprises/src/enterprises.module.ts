import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserNames } from '@app/identity';
import type { JurisdictionRegistry } from '@app/shared';
import { EnterpriseAnswer } from './application/enterprise-answer';
import { IssueDeviceKeyController } from './application/issue-device-key/issue-device-key.controller';
import { IssueDeviceKeyHandler } from './application/issue-device-key/issue-device-key.handler';
import { EnterpriseQueriesController } from './application/query-enterprises/enterprise-queries.controller';
import { RegisterEnterpriseController } from './application/register-enterprise/register-enterprise.controller';
import { RegisterEnterpriseHandler } from './application/register-enterprise/register-enterprise.handler';
import { RevokeDeviceKeyController } from './application/revoke-device-key/revoke-device-key.controller';
import { RevokeDeviceKeyHandler } from './application/revoke-device-key/revoke-device-key.handler';
import { UpdateEnterpriseController } from './application/update-enterprise/update-enterprise.controller';
import { UpdateEnterpriseHandler } from './application/update-enterprise/update-enterprise.handler';
import { DeviceKeys } from './read-models/enterprise-register/device-keys';
import {
  EnterpriseDeviceKeyRow,
  EnterpriseRegisterRow,
} from './read-models/enterprise-register/enterprise-register.entity';
import { EnterpriseRegisterProjection } from './read-models/enterprise-register/enterprise-register.projection';
import { EnterpriseRegister } from './read-models/enterprise-register/enterprise-register.queries';
import { HazardSourceAnswer } from './application/hazard-source-answer';
import { HazardSourceEnterprises } from './application/hazard-source-enterprises';
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
export const enterpriseEntities: (new () => object)[] = [
  EnterpriseRegisterRow,
  EnterpriseDeviceKeyRow,
  HazardSourceRow,
  HazardSourceHistoryRow,
];

/**
 * 企业与重大危险源: the register of regulated units (统一社会信用代码, contacts, gateways' device keys) and of their
 * major hazard sources identified and graded per GB 18218-2018 (docs/enterprises.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature(enterpriseEntities), CqrsModule],
  controllers: [
    RegisterEnterpriseController,
    UpdateEnterpriseController,
    EnterpriseQueriesController,
    IssueDeviceKeyController,
    RevokeDeviceKeyController,
    RegisterHazardSourceController,
    ReviseHazardSourceController,
    RetireHazardSourceController,
    HazardSourceQueriesController,
  ],
  providers: [
    UserNames,
    EnterpriseRegister,
    DeviceKeys,
    EnterpriseAnswer,
    RegisterEnterpriseHandler,
    UpdateEnterpriseHandler,
    IssueDeviceKeyHandler,
    RevokeDeviceKeyHandler,
    HazardSourceRegister,
    // The hazard source use cases ask the enterprise register through their own narrow port.
    { provide: HazardSourceEnterprises, useExisting: EnterpriseRegister },
    HazardSourceAnswer,
    RegisterHazardSourceHandler,
    ReviseHazardSourceHandler,
    RetireHazardSourceHandler,
  ],
  exports: [EnterpriseRegister, DeviceKeys, HazardSourceRegister],
})
export class EnterprisesModule {}

export function enterpriseProjections(_jurisdictions: JurisdictionRegistry) {
  return [new EnterpriseRegisterProjection(), new HazardSourceRegisterProjection()];
}
