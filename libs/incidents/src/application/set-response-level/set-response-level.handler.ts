import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';
import type { SetResponseLevelRequest } from './set-response-level.request';

/** The commander's decision, with who decided and why; a raise adds the active plans' tasks of the new level. */
@Injectable()
export class SetResponseLevelHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: IncidentAnswer,
  ) {}

  async handle(
    incidentId: string,
    body: SetResponseLevelRequest,
    context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    const command = {
      type: 'SetResponseLevel',
      level: body.level,
      reason: body.reason,
      decidedBy: context.actorName ?? context.actorId,
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(incidentAggregate, incidentId, command, context));
  }
}
