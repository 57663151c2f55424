import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import type { EvaluationCommand } from '../domain/evaluation/evaluation';
import { evaluationAggregate } from './evaluation.aggregate';
import { DrillEvaluationReader, type DrillEvaluation } from './query-evaluation/drill-evaluation.reader';

/**
 * What every evaluation use case shares: the drill must be one the actor may see (404 otherwise), the command is
 * recorded on the drill's evaluation in the drill's jurisdiction, and the answer is the evaluation as it now reads.
 */
@Injectable()
export class EvaluationWriter {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly reader: DrillEvaluationReader,
  ) {}

  now(): Date {
    return this.executor.now();
  }

  async record(
    drillId: string,
    command: EvaluationCommand,
    context: CommandContext,
    actor: Actor,
  ): Promise<DrillEvaluation> {
    const drill = await this.reader.drill(drillId, actor);
    await this.executor.execute(evaluationAggregate, drillId, command, {
      ...context,
      jurisdiction: drill.jurisdiction,
    });
    return this.reader.evaluate(drillId, actor);
  }
}

export const actorNameOf = (context: CommandContext): string => context.actorName ?? context.actorId;
