import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { HiddenHazardCommandResponse } from '../hidden-hazard-answer';
import { VerifyHiddenHazardHandler } from './verify-hidden-hazard.handler';
import { VerifyHiddenHazardRequest } from './verify-hidden-hazard.request';

@CommandController('hidden-hazards/:id', { tag: 'hidden-hazards', ifMatch: '客户端所见的隐患版本号' })
export class VerifyHiddenHazardController {
  constructor(private readonly handler: VerifyHiddenHazardHandler) {}

  @CommandPost('verify', {
    requires: 'hidden_hazard.verify',
    status: 200,
    summary: '隐患整改验收：通过，或不通过退回整改（挂牌督办的由督办层级或上级验收）',
  })
  verify(
    @Param('id', uuidParam) id: string,
    @Body() body: VerifyHiddenHazardRequest,
    @CurrentActor() actor: Actor,
    @CommandCtx() context: CommandContext,
  ): Promise<HiddenHazardCommandResponse> {
    return this.handler.handle(id, body, actor, context);
  }
}
