import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserNames } from '@app/identity';
import { ENTERPRISE_PROFILES } from '@app/incidents';
import type { JurisdictionRegistry } from '@app/shared';
import { EnterpriseAnswer } from './application/enterprise-answer';
import { HazardSourceAnswer } from './application/hazard-source-answer';
import { HazardSourceEnterprises } from './application/hazard-source-enterprises';
import { IssueDeviceKeyController } from './application/issue-device-key/issue-device-key.controller';
import { IssueDeviceKeyHandler } from './application/issue-device-key/issue-device-key.handler';
import { EnterpriseQueriesController } from './application/query-enterprises/enterprise-queries.controller';
import { HazardSourceQueriesController } from './application/query-hazard-sources/hazard-source-queries.controller';
import { RegisterEnterpriseController } from './application/register-enterprise/register-enterprise.controller';
import { RegisterEnterpriseHandler } from './application/register-enterprise/register-enterprise.handler';
import { RegisterHazardSourceController } from './application/register-hazard-source/register-hazard-source.controller';
import { RegisterHazardSourceHandler } from './application/register-hazard-source/register-hazard-source.handler';
import { RetireHazardSourceController } from './application/retire-hazard-source/retire-hazard-source.controller';
import { RetireHazardSourceHandler } from './application/retire-hazard-source/retire-hazard-source.handler';
import { ReviseHazardSourceController } from './application/revise-hazard-source/revise-hazard-source.controller';
import { ReviseHazardSourceHandler } from './application/revise-hazard-source/revise-hazard-source.handler';
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
import {
  HazardSourceHistoryRow,
  HazardSourceRow,
} from './read-models/hazard-source-register/hazard-source-register.entity';
import { HazardSourceRegisterProjection } from './read-models/hazard-source-register/hazard-source-register.projection';
import { HazardSourceRegister } from './read-models/hazard-source-register/hazard-source-register.queries';
import { RegisterEnterpriseProfiles } from './read-models/enterprise-register/enterprise-profiles.provider';

/** The read-model tables this context owns. */
export const enterpriseEntities: (new () => object)[] = [
  EnterpriseRegisterRow,
  EnterpriseDeviceKeyRow,
  HazardSourceRow,
  HazardSourceHistoryRow,
];

/**
 * The incidents context's ENTERPRISE_PROFILES port. Global so that the incidents module receives it without importing
 * this context (which depends on it): incidents may name a registered unit and describe it in the report text.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(enterpriseEntities)],
  providers: [
    EnterpriseRegister,
    RegisterEnterpriseProfiles,
    { provide: ENTERPRISE_PROFILES, useExisting: RegisterEnterpriseProfiles },
  ],
  exports: [ENTERPRISE_PROFILES],
})
export class EnterpriseProfilesModule {}

/**
 * 企业与重大危险源: the register of regulated units (统一社会信用代码, contacts, gateways' device keys) and of their
 * major hazard sources identified and graded per GB 18218-2018 (docs/enterprises.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature(enterpriseEntities), CqrsModule, EnterpriseProfilesModule],
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
    { provide: HazardSourceEnterprises, useExisting: EnterpriseRegister },
    RegisterHazardSourceHandler,
    ReviseHazardSourceHandler,
    RetireHazardSourceHandler,
  ],
  exports: [EnterpriseRegister, DeviceKeys, HazardSourceRegister],
})
export class EnterprisesModule {}

export function enterpriseProjections(jurisdictions: JurisdictionRegistry) {
  return [new EnterpriseRegisterProjection(), new HazardSourceRegisterProjection(jurisdictions)];
}
