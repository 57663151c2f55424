import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { ExpertCommandResponse } from '../expert-answer';
import { WithdrawExpertHandler } from './withdraw-expert.handler';
import { WithdrawExpertRequest } from './withdraw-expert.request';

@CommandController('experts', { tag: 'experts', ifMatch: '客户端所见的专家条目版本号' })
export class WithdrawExpertController {
  constructor(private readonly handler: WithdrawExpertHandler) {}

  @CommandPost(':id/withdraw', {
    requires: 'expert.register',
    status: 200,
    summary: '专家退出专家库（管理员；不再被邀请，已参加的会商仍保留其姓名）',
  })
  withdraw(
    @Param('id', uuidParam) id: string,
    @Body() body: WithdrawExpertRequest,
    @CurrentActor() actor: Actor,
    @CommandCtx() context: CommandContext,
  ): Promise<ExpertCommandResponse> {
    return this.handler.handle(id, body, actor, context);
  }
}
