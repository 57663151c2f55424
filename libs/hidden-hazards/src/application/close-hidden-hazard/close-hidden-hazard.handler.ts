import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import type { HiddenHazardCommandResponse } from '../hidden-hazard-answer';
import { HiddenHazardOverdueAlarms } from '../watch-overdue/hidden-hazard-alarms';
import { HiddenHazardRunner } from '../hidden-hazard-runner';

/** 销号: only after a passed 验收, by the supervising level or above; final. */
@Injectable()
export class CloseHiddenHazardHandler {
  constructor(
    private readonly runner: HiddenHazardRunner,
    private readonly alarms: HiddenHazardOverdueAlarms,
  ) {}

  async handle(id: string, actor: Actor, context: CommandContext): Promise<HiddenHazardCommandResponse> {
    const answer = await this.runner.run(id, actor, context, (inputs) => ({ type: 'CloseHiddenHazard', ...inputs }));
    await this.alarms.endAfterCommand(id);
    return answer;
  }
}
