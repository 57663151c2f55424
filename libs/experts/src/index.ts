// 专家库与会商: the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { ExpertsModule, expertEntities, expertProjections } from './experts.module';
export { expertAggregate, consultationAggregate } from './application/expert.aggregate';
export { consultationIdOf } from './application/consultation-id';
export { ExpertRegister, type ExpertFilter } from './read-models/expert-register/expert-register.queries';
export { ConsultationQueries } from './read-models/consultations/consultation.queries';
export type * from './contract';
