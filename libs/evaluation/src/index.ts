// Drill evaluation (演练评估): the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { evaluationAggregate } from './application/evaluation.aggregate';
export { EvaluationModule } from './evaluation.module';
export type { DrillEvaluation, DrillFacts } from './application/query-evaluation/drill-evaluation.reader';
export type { DrillEvaluationView, EvaluationDocument } from './contract';
