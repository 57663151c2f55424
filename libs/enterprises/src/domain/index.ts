// The enterprise register's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './enterprise/credit-code';
export * from './enterprise/enterprise.types';
export * from './enterprise/enterprise.events';
export * from './enterprise/enterprise.commands';
export * from './enterprise/enterprise.errors';
export { enterpriseDecider } from './enterprise/enterprise.decider';
export type { EnterpriseState } from './enterprise/enterprise.state';
export * from './credit-code-claim/credit-code-claim';
