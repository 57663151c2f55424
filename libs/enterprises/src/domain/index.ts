// The enterprise register's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './enterprise/credit-code';
export * from './enterprise/enterprise.types';
export * from './enterprise/enterprise.events';
export * from './enterprise/enterprise.commands';
export * from './enterprise/enterprise.errors';
export { enterpriseDecider } from './enterprise/enterprise.decider';
export type { EnterpriseState } from './enterprise/enterprise.state';
export * from './credit-code-claim/credit-code-claim';
export * from './gb18218/gb18218.data';
export * from './gb18218/assess-hazard-source';
export * from './gb18218/assessment.errors';
export { isValidCasNumber } from './gb18218/cas-number';
export * from './hazard-source/hazard-source.events';
export * from './hazard-source/hazard-source.commands';
export * from './hazard-source/hazard-source.errors';
export { hazardSourceDecider } from './hazard-source/hazard-source.decider';
export type { HazardSourceState } from './hazard-source/hazard-source.state';
