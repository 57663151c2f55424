import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { DrillAnswer, type DrillCommandResponse } from '../drill-answer';
import { drillAggregate } from '../drill.aggregate';
import { actorNameOf } from '../drill-access';

/** 结束演练: no inject runs after it; real teams still in a live drill are released by the drill-teams process. */
@Injectable()
export class EndDrillHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: DrillAnswer,
  ) {}

  async handle(drillId: string, context: CommandContext): Promise<DrillCommandResponse> {
    const command = { type: 'EndDrill', endedBy: actorNameOf(context), now: this.executor.now() } as const;
    return this.answer.of(await this.executor.execute(drillAggregate, drillId, command, { ...context, drillId }));
  }
}
