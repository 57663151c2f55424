// 企业与重大危险源: the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { EnterprisesModule, enterpriseEntities, enterpriseProjections } from './enterprises.module';
export { enterpriseAggregate, creditCodeClaimAggregate } from './application/enterprise.aggregate';
export {
  EnterpriseRegister,
  type EnterpriseFilter,
} from './read-models/enterprise-register/enterprise-register.queries';
export {
  DeviceKeys,
  DEVICE_KEYS_OPTIONS,
  newDeviceKey,
  type DeviceKeysOptions,
  type VerifiedDevice,
} from './read-models/enterprise-register/device-keys';
export { GAZETTEER_SOURCE as ENTERPRISE_GAZETTEER_SOURCE } from './read-models/enterprise-register/enterprise-register.projection';
export type * from './contract';
export { hazardSourceAggregate } from './application/hazard-source.aggregate';
export {
  HazardSourceRegister,
  type HazardSourceFilter,
} from './read-models/hazard-source-register/hazard-source-register.queries';
