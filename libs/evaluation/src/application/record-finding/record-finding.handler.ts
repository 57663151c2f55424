import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@app/event-sourcing';
import { RecordPlanFindingHandler } from '@app/plans';
import type { Actor } from '@app/shared';
import { actorNameOf, EvaluationWriter } from '../evaluation-writer';
import { DrillEvaluationReader, type DrillEvaluation } from '../query-evaluation/drill-evaluation.reader';
import type { FindingRequest } from './record-finding.request';

/**
 * A finding, and when it names a plan, the same finding on the plan (the plans context's own use case, which decides
 * who may write on the plan): its next version records it as addressed.
 */
@Injectable()
export class RecordFindingHandler {
  constructor(
    private readonly writer: EvaluationWriter,
    private readonly reader: DrillEvaluationReader,
    private readonly planFindings: RecordPlanFindingHandler,
  ) {}

  async handle(drillId: string, body: FindingRequest, context: CommandContext, actor: Actor): Promise<DrillEvaluation> {
    await this.reader.drill(drillId, actor);
    const findingId = randomUUID();
    const now = this.writer.now();
    if (body.planId)
      await this.planFindings.handle(body.planId, { findingId, drillId, text: body.text }, context, actor);
    const finding = { findingId, planId: body.planId ?? null, text: body.text };
    return this.writer.record(
      drillId,
      { type: 'RecordFinding', drillId, finding, by: actorNameOf(context), now },
      context,
      actor,
    );
  }
}
