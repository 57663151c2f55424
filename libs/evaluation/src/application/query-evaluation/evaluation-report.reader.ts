import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_TIME_ZONE, JURISDICTIONS, toZonedIso, type Actor, type JurisdictionRegistry } from '@app/shared';
import { DrillEvaluationReader } from './drill-evaluation.reader';
import { renderEvaluationReport } from './evaluation-report.html';

/** The printable report (演练评估报告) of a drill's evaluation, its times in the drill's own time zone. */
@Injectable()
export class EvaluationReportReader {
  constructor(
    private readonly evaluations: DrillEvaluationReader,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async report(drillId: string, actor: Actor): Promise<string> {
    const evaluation = await this.evaluations.evaluate(drillId, actor);
    const zone = this.jurisdictions.get(evaluation.drill.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
    return renderEvaluationReport(evaluation, (iso) => (iso ? toZonedIso(iso, zone) : '—'));
  }
}
