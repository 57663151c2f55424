import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { HiddenHazardCommandResponse } from '../hidden-hazard-answer';
import { SuperviseHiddenHazardHandler } from './supervise-hidden-hazard.handler';
import { SuperviseHiddenHazardRequest } from './supervise-hidden-hazard.request';

@CommandController('hidden-hazards/:id', { tag: 'hidden-hazards', ifMatch: '客户端所见的隐患版本号' })
export class SuperviseHiddenHazardController {
  constructor(private readonly handler: SuperviseHiddenHazardHandler) {}

  @CommandPost('supervise', {
    requires: 'hidden_hazard.supervise',
    status: 200,
    summary: '重大事故隐患挂牌督办（县级、市级、省级；只能提级）',
  })
  supervise(
    @Param('id', uuidParam) id: string,
    @Body() body: SuperviseHiddenHazardRequest,
    @CurrentActor() actor: Actor,
    @CommandCtx() context: CommandContext,
  ): Promise<HiddenHazardCommandResponse> {
    return this.handler.handle(id, body, actor, context);
  }
}
