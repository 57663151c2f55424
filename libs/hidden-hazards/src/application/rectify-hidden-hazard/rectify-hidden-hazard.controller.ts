import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { HiddenHazardCommandResponse } from '../hidden-hazard-answer';
import { RectifyHiddenHazardHandler } from './rectify-hidden-hazard.handler';
import { RectifyHiddenHazardRequest } from './rectify-hidden-hazard.request';

@CommandController('hidden-hazards/:id', { tag: 'hidden-hazards', ifMatch: '客户端所见的隐患版本号' })
export class RectifyHiddenHazardController {
  constructor(private readonly handler: RectifyHiddenHazardHandler) {}

  @CommandPost('rectify', { requires: 'hidden_hazard.record', status: 200, summary: '报告隐患整改完成（待验收）' })
  rectify(
    @Param('id', uuidParam) id: string,
    @Body() body: RectifyHiddenHazardRequest,
    @CurrentActor() actor: Actor,
    @CommandCtx() context: CommandContext,
  ): Promise<HiddenHazardCommandResponse> {
    return this.handler.handle(id, body, actor, context);
  }
}
