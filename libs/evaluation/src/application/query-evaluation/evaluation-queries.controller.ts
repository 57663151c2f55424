import { Param, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam } from '@app/shared/nest';
import type { EvaluationDocument } from '../../contract';
import { DrillEvaluationReader, type DrillEvaluation } from './drill-evaluation.reader';
import { EVALUATION_REPORT_CSP } from '../../domain/report/evaluation-report.html';
import { EvaluationReportReader } from './evaluation-report.reader';

/**
 * Drill evaluation (演练评估, docs/domain.md rule 22): times measured from the recorded events, evaluators' scores on a
 * rubric (default: the aspects of AQ/T 9009), findings that can be recorded against a plan, and a printable report.
 */
@QueryController('drills/:id/evaluation', { tag: 'drills' })
export class EvaluationQueriesController {
  constructor(
    private readonly reader: DrillEvaluationReader,
    private readonly reports: EvaluationReportReader,
  ) {}

  @QueryGet(undefined, {
    requires: 'evaluation.read',
    summary: '演练评估：由事件测得的关键用时、报告时限、任务完成、物资缺口，及评估人评分',
  })
  evaluation(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<DrillEvaluation> {
    return this.reader.evaluate(id, actor);
  }

  @QueryGet('document', {
    requires: 'evaluation.read',
    summary: '演练评估报告（JSON：标题、各章节段落与表格，控制台据此显示和打印；与 HTML 报告同一内容）',
  })
  document(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<EvaluationDocument> {
    return this.reports.document(id, actor);
  }

  @QueryGet('report', {
    requires: 'evaluation.read',
    summary: '可打印的演练评估报告（HTML，可由浏览器打印或另存为 PDF）',
  })
  @ApiProduces('text/html')
  async report(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const page = await this.reports.report(id, actor);
    reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', EVALUATION_REPORT_CSP);
    return page;
  }
}
