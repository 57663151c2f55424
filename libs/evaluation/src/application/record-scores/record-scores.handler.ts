import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { DrillNotEndedError } from '../../domain/evaluation/evaluation.errors';
import { actorNameOf, EvaluationWriter } from '../evaluation-writer';
import { DrillEvaluationReader, type DrillEvaluation } from '../query-evaluation/drill-evaluation.reader';
import type { ScoresRequest } from './record-scores.request';

/**
 * 评估人评分: the evaluator is the actor; a new sheet from the same evaluator replaces theirs in the summary. Sheets
 * judge the whole drill, so they wait for its end.
 */
@Injectable()
export class RecordScoresHandler {
  constructor(
    private readonly writer: EvaluationWriter,
    private readonly reader: DrillEvaluationReader,
  ) {}

  async handle(drillId: string, body: ScoresRequest, context: CommandContext, actor: Actor): Promise<DrillEvaluation> {
    if (!(await this.reader.drill(drillId, actor)).endedAt) throw new DrillNotEndedError();
    const scores = body.scores.map((s) => ({ aspect: s.aspect, score: s.score, comment: s.comment ?? null }));
    const command = {
      type: 'RecordScores',
      drillId,
      evaluator: actorNameOf(context),
      scores,
      now: this.writer.now(),
    } as const;
    return this.writer.record(drillId, command, context, actor);
  }
}
