// Drill evaluation (演练评估): the only entry point other code imports.
export { EvaluationModule } from './evaluation.module';
export { DEFAULT_RUBRIC, type RubricAspect } from './domain/rubric';
export { measureIncident, type MeasuredIncident } from './domain/measure';
