import { Module } from '@nestjs/common';
import { DrillEvaluationReader } from './application/drill-evaluation.reader';
import { EvaluationController } from './application/evaluation.controller';

/** Drill evaluation (演练评估): measured times, rubric scores, findings and the printable report. */
@Module({
  controllers: [EvaluationController],
  providers: [DrillEvaluationReader],
})
export class EvaluationModule {}
