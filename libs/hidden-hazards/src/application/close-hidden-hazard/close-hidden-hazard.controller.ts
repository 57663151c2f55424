import { Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { HiddenHazardCommandResponse } from '../hidden-hazard-answer';
import { CloseHiddenHazardHandler } from './close-hidden-hazard.handler';

@CommandController('hidden-hazards/:id', { tag: 'hidden-hazards', ifMatch: '客户端所见的隐患版本号' })
export class CloseHiddenHazardController {
  constructor(private readonly handler: CloseHiddenHazardHandler) {}

  @CommandPost('close', {
    requires: 'hidden_hazard.verify',
    status: 200,
    summary: '隐患销号（验收通过后；挂牌督办的由督办层级或上级销号）',
  })
  close(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @CommandCtx() context: CommandContext,
  ): Promise<HiddenHazardCommandResponse> {
    return this.handler.handle(id, actor, context);
  }
}
