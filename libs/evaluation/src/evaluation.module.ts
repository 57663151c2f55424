import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IncidentsModule } from '@app/incidents';
import { PlansModule } from '@app/plans';
import { EvaluationWriter } from './application/evaluation-writer';
import { DrillEvaluationReader } from './application/query-evaluation/drill-evaluation.reader';
import { EvaluationReportReader } from './application/query-evaluation/evaluation-report.reader';
import { EvaluationQueriesController } from './application/query-evaluation/evaluation-queries.controller';
import { RecordFindingController } from './application/record-finding/record-finding.controller';
import { RecordFindingHandler } from './application/record-finding/record-finding.handler';
import { RecordScoresController } from './application/record-scores/record-scores.controller';
import { RecordScoresHandler } from './application/record-scores/record-scores.handler';
import { SetRubricController } from './application/set-rubric/set-rubric.controller';
import { SetRubricHandler } from './application/set-rubric/set-rubric.handler';

/**
 * Drill evaluation (演练评估): measured times, rubric scores, findings and the printable report. Needs the
 * CommandExecutor, CLOCK and JURISDICTIONS from the app; no tables of its own (it reads the streams).
 */
@Module({
  imports: [CqrsModule, IncidentsModule, PlansModule],
  controllers: [EvaluationQueriesController, SetRubricController, RecordScoresController, RecordFindingController],
  providers: [
    DrillEvaluationReader,
    EvaluationReportReader,
    EvaluationWriter,
    SetRubricHandler,
    RecordScoresHandler,
    RecordFindingHandler,
  ],
})
export class EvaluationModule {}
