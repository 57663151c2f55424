import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import type { HiddenHazardCommandResponse } from '../hidden-hazard-answer';
import { HiddenHazardRunner } from '../hidden-hazard-runner';
import { HiddenHazardOverdueAlarms } from '../watch-overdue/hidden-hazard-alarms';
import type { ExtendHiddenHazardDeadlineRequest } from './extend-hidden-hazard-deadline.request';

/**
 * 延期 while rectifying, by the supervising level or above once supervised. The new deadline lies after now, so an
 * open overdue alarm no longer has a cause: it ends right after the command (the watch ends it otherwise).
 */
@Injectable()
export class ExtendHiddenHazardDeadlineHandler {
  constructor(
    private readonly runner: HiddenHazardRunner,
    private readonly alarms: HiddenHazardOverdueAlarms,
  ) {}

  async handle(
    id: string,
    body: ExtendHiddenHazardDeadlineRequest,
    actor: Actor,
    context: CommandContext,
  ): Promise<HiddenHazardCommandResponse> {
    const answer = await this.runner.run(id, actor, context, (inputs) => ({
      type: 'ExtendHiddenHazardDeadline',
      deadline: new Date(body.deadline),
      reason: body.reason,
      ...inputs,
    }));
    await this.alarms.endAfterCommand(id);
    return answer;
  }
}
