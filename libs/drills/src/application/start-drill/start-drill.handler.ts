import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { DrillAnswer, type DrillCommandResponse } from '../drill-answer';
import { drillAggregate } from '../drill.aggregate';
import { actorNameOf } from '../drill-access';

/** 开始演练: from then on the scheduler runs the scripted injects when they fall due. */
@Injectable()
export class StartDrillHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: DrillAnswer,
  ) {}

  async handle(drillId: string, context: CommandContext): Promise<DrillCommandResponse> {
    const command = { type: 'StartDrill', startedBy: actorNameOf(context), now: this.executor.now() } as const;
    return this.answer.of(await this.executor.execute(drillAggregate, drillId, command, { ...context, drillId }));
  }
}
