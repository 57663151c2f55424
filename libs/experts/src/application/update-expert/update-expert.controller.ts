import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPatch, CurrentActor, uuidParam } from '@app/shared/nest';
import type { ExpertCommandResponse } from '../expert-answer';
import { UpdateExpertHandler } from './update-expert.handler';
import { UpdateExpertRequest } from './update-expert.request';

@CommandController('experts', { tag: 'experts', ifMatch: '客户端所见的专家条目版本号' })
export class UpdateExpertController {
  constructor(private readonly handler: UpdateExpertHandler) {}

  @CommandPatch(':id', {
    requires: 'expert.register',
    status: 200,
    summary: '变更专家信息：姓名、专业领域、职称、工作单位、联系电话（管理员；管理辖区不可变更）',
  })
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateExpertRequest,
    @CurrentActor() actor: Actor,
    @CommandCtx() context: CommandContext,
  ): Promise<ExpertCommandResponse> {
    return this.handler.handle(id, body, actor, context);
  }
}
