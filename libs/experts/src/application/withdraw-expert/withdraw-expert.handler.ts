import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { expertAggregate } from '../expert.aggregate';
import { ExpertAnswer, type ExpertCommandResponse } from '../expert-answer';
import { ExpertKeeper } from '../expert-keeper';
import type { WithdrawExpertRequest } from './withdraw-expert.request';

/** 退出专家库: no longer invited; the incidents already consulted keep naming the expert. */
@Injectable()
export class WithdrawExpertHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly keeper: ExpertKeeper,
    private readonly answer: ExpertAnswer,
  ) {}

  async handle(
    expertId: string,
    body: WithdrawExpertRequest,
    actor: Actor,
    context: CommandContext,
  ): Promise<ExpertCommandResponse> {
    await this.keeper.assertMayChange(expertId, actor);
    const executed = await this.executor.execute(
      expertAggregate,
      expertId,
      { type: 'WithdrawExpert', reason: body.reason?.trim() || null, now: this.executor.now() },
      context,
    );
    return this.answer.expert(executed);
  }
}
