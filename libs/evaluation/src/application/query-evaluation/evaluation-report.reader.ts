import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/shared';
import type { EvaluationDocument } from '../../contract';
import { buildEvaluationDocument } from '../../domain/report/evaluation-document';
import { DrillEvaluationReader } from './drill-evaluation.reader';
import { renderEvaluationReport } from '../../domain/report/evaluation-report.html';

/** The evaluation report (演练评估报告) of a drill: one document, served as JSON for the console or as printable HTML. */
@Injectable()
export class EvaluationReportReader {
  constructor(private readonly evaluations: DrillEvaluationReader) {}

  async document(drillId: string, actor: Actor): Promise<EvaluationDocument> {
    return buildEvaluationDocument(await this.evaluations.evaluate(drillId, actor));
  }

  async report(drillId: string, actor: Actor): Promise<string> {
    return renderEvaluationReport(await this.document(drillId, actor));
  }
}
