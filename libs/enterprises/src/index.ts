// 企业与重大危险源: the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { EnterprisesModule, enterpriseEntities, enterpriseProjections } from './enterprises.module';
export type * from './contract';
export { hazardSourceAggregate } from './application/hazard-source.aggregate';
export {
  HazardSourceRegister,
  type HazardSourceFilter,
} from './read-models/hazard-source-register/hazard-source-register.queries';
