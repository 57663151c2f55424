import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import type { HiddenHazardCommandResponse } from '../hidden-hazard-answer';
import { HiddenHazardOverdueAlarms } from '../watch-overdue/hidden-hazard-alarms';
import { HiddenHazardRunner } from '../hidden-hazard-runner';
import type { RectifyHiddenHazardRequest } from './rectify-hidden-hazard.request';

/**
 * 整改完成: the hazard awaits 验收; an overdue alarm of this rectification round ends at once (the overdue watch
 * would end it on its next tick anyway, should this fail).
 */
@Injectable()
export class RectifyHiddenHazardHandler {
  constructor(
    private readonly runner: HiddenHazardRunner,
    private readonly alarms: HiddenHazardOverdueAlarms,
  ) {}

  async handle(
    id: string,
    body: RectifyHiddenHazardRequest,
    actor: Actor,
    context: CommandContext,
  ): Promise<HiddenHazardCommandResponse> {
    const answer = await this.runner.run(id, actor, context, (inputs) => ({
      type: 'RectifyHiddenHazard',
      note: body.note,
      actor: inputs.actor,
      now: inputs.now,
    }));
    await this.alarms.endAfterCommand(id);
    return answer;
  }
}
