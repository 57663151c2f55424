import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { ConsultationCommandResponse } from '../expert-answer';
import { InviteExpertHandler } from './invite-expert.handler';
import { InviteExpertRequest } from './invite-expert.request';

@CommandController('incidents', { tag: 'experts' })
export class InviteExpertController {
  constructor(private readonly handler: InviteExpertHandler) {}

  @CommandPost(':id/experts', {
    requires: 'expert.consult',
    status: 201,
    summary: '邀请专家会商：现场或远程，写明议题（应急响应期间；已退出专家库的专家不能邀请）',
  })
  invite(
    @Param('id', uuidParam) id: string,
    @Body() body: InviteExpertRequest,
    @CurrentActor() actor: Actor,
    @CommandCtx() context: CommandContext,
  ): Promise<ConsultationCommandResponse> {
    return this.handler.handle(id, body, actor, context);
  }
}
