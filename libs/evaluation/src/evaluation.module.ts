import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IncidentsModule } from '@app/incidents';
import { UserNames } from '@app/identity';
import { PlansModule } from '@app/plans';
import { EvaluationWriter } from './application/evaluation-writer';
import { DrillEvaluationReader } from './application/query-evaluation/drill-evaluation.reader';
import { EvaluationReportReader } from './application/query-evaluation/evaluation-report.reader';
import { EvaluationQueriesController } from './application/query-evaluation/evaluation-queries.controller';
import { RecordConclusionController } from './application/record-conclusion/record-conclusion.controller';
import { RecordConclusionHandler } from './application/record-conclusion/record-conclusion.handler';
import { RecordFindingController } from './application/record-finding/record-finding.controller';
import { RecordFindingHandler } from './application/record-finding/record-finding.handler';
import { RecordScoresController } from './application/record-scores/record-scores.controller';
import { RecordScoresHandler } from './application/record-scores/record-scores.handler';
import { SetRubricController } from './application/set-rubric/set-rubric.controller';
import { SetRubricHandler } from './application/set-rubric/set-rubric.handler';

/**
 * Drill evaluation (演练评估): measured times, rubric scores, findings, the evaluators' conclusion and the report. Needs the
 * CommandExecutor, CLOCK and JURISDICTIONS from the app; no tables of its own (it reads the streams).
 */
@Module({
  imports: [CqrsModule, IncidentsModule, PlansModule],
  controllers: [
    EvaluationQueriesController,
    SetRubricController,
    RecordScoresController,
    RecordFindingController,
    RecordConclusionController,
  ],
  providers: [
    DrillEvaluationReader,
    EvaluationReportReader,
    EvaluationWriter,
    SetRubricHandler,
    RecordScoresHandler,
    RecordFindingHandler,
    RecordConclusionHandler,
    UserNames,
  ],
})
export class EvaluationModule {}
