import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError } from '@app/shared';
import { actorNameOf } from '../drill-access';
import { assertValidScript } from '../injects/inject.request';
import { ScenarioAnswer, type ScenarioCommandResponse } from '../scenario-answer';
import { scenarioAggregate } from '../scenario.aggregate';
import type { SaveScenarioRequest } from './save-scenario.request';

/** 存入情景库: a script checked like a drill's, in the actor's jurisdictions; a retried request names the same scenario. */
@Injectable()
export class SaveScenarioHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: ScenarioAnswer,
  ) {}

  async handle(body: SaveScenarioRequest, context: CommandContext): Promise<ScenarioCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(body.jurisdiction))
      throw new OutsideJurisdictionError(body.jurisdiction);
    const injects = await assertValidScript(body.injects, 'injects');
    const scenarioId = context.idempotencyKey
      ? idempotentAggregateId('scenario', context.actorId, context.idempotencyKey)
      : randomUUID();
    const command = {
      type: 'SaveScenario',
      scenarioId,
      name: body.name,
      description: body.description ?? null,
      jurisdiction: body.jurisdiction,
      injects,
      savedBy: actorNameOf(context),
      now: this.executor.now(),
    } as const;
    return this.answer.of(
      await this.executor.execute(scenarioAggregate, scenarioId, command, {
        ...context,
        jurisdiction: body.jurisdiction,
      }),
    );
  }
}
