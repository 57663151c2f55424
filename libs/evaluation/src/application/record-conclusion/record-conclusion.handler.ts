import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import type { DrillEvaluationView } from '../../contract';
import { DrillNotEndedError } from '../../domain/evaluation/evaluation.errors';
import { actorNameOf, EvaluationWriter } from '../evaluation-writer';
import { DrillEvaluationReader } from '../query-evaluation/drill-evaluation.reader';
import type { ConclusionRequest } from './record-conclusion.request';

/** 评估组意见: the evaluators' own conclusion, printed beside the computed verdict; the latest one counts. */
@Injectable()
export class RecordConclusionHandler {
  constructor(
    private readonly writer: EvaluationWriter,
    private readonly reader: DrillEvaluationReader,
  ) {}

  async handle(
    drillId: string,
    body: ConclusionRequest,
    context: CommandContext,
    actor: Actor,
  ): Promise<DrillEvaluationView> {
    if (!(await this.reader.drill(drillId, actor)).endedAt) throw new DrillNotEndedError();
    const command = {
      type: 'RecordConclusion',
      drillId,
      text: body.text.trim(),
      by: actorNameOf(context),
      now: this.writer.now(),
    } as const;
    return this.writer.record(drillId, command, context, actor);
  }
}
