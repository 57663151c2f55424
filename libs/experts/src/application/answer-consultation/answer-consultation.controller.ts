import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { ConsultationCommandResponse } from '../expert-answer';
import { AnswerConsultationHandler } from './answer-consultation.handler';
import { AnswerConsultationRequest } from './answer-consultation.request';

@CommandController('incidents', { tag: 'experts' })
export class AnswerConsultationController {
  constructor(private readonly handler: AnswerConsultationHandler) {}

  @CommandPost(':id/experts/:expertId/accept', {
    requires: 'expert.consult',
    status: 200,
    summary: '登记专家接受会商邀请（通常为电话答复）',
  })
  accept(
    @Param('id', uuidParam) id: string,
    @Param('expertId', uuidParam) expertId: string,
    @Body() body: AnswerConsultationRequest,
    @CurrentActor() actor: Actor,
    @CommandCtx() context: CommandContext,
  ): Promise<ConsultationCommandResponse> {
    return this.handler.handle(id, expertId, 'accept', body, actor, context);
  }

  @CommandPost(':id/experts/:expertId/decline', {
    requires: 'expert.consult',
    status: 200,
    summary: '登记专家谢绝会商邀请（谢绝后可重新邀请）',
  })
  decline(
    @Param('id', uuidParam) id: string,
    @Param('expertId', uuidParam) expertId: string,
    @Body() body: AnswerConsultationRequest,
    @CurrentActor() actor: Actor,
    @CommandCtx() context: CommandContext,
  ): Promise<ConsultationCommandResponse> {
    return this.handler.handle(id, expertId, 'decline', body, actor, context);
  }
}
