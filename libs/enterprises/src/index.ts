// 企业与重大危险源: the only entry point other code imports (domain code of other contexts: './domain').
export { EnterprisesModule, enterpriseEntities, enterpriseProjections } from './enterprises.module';
export type * from './contract';
