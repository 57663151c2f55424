import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { actorNameOf, EvaluationWriter } from '../evaluation-writer';
import type { DrillEvaluation } from '../query-evaluation/drill-evaluation.reader';
import type { RubricRequest } from './set-rubric.request';

/** 评估指标: set for this drill before the first score (the decider refuses it after). */
@Injectable()
export class SetRubricHandler {
  constructor(private readonly writer: EvaluationWriter) {}

  handle(drillId: string, body: RubricRequest, context: CommandContext, actor: Actor): Promise<DrillEvaluation> {
    const aspects = body.aspects.map((a) => ({ key: a.key, label: a.label, weight: a.weight, maxScore: a.maxScore }));
    const command = { type: 'SetRubric', drillId, aspects, by: actorNameOf(context), now: this.writer.now() } as const;
    return this.writer.record(drillId, command, context, actor);
  }
}
