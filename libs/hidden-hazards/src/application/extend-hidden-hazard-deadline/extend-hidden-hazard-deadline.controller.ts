import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { HiddenHazardCommandResponse } from '../hidden-hazard-answer';
import { ExtendHiddenHazardDeadlineHandler } from './extend-hidden-hazard-deadline.handler';
import { ExtendHiddenHazardDeadlineRequest } from './extend-hidden-hazard-deadline.request';

@CommandController('hidden-hazards/:id', { tag: 'hidden-hazards', ifMatch: '客户端所见的隐患版本号' })
export class ExtendHiddenHazardDeadlineController {
  constructor(private readonly handler: ExtendHiddenHazardDeadlineHandler) {}

  /** Same permission as 验收: whoever may accept the rectification may give it more time (docs/hidden-hazards.md). */
  @CommandPost('extend', {
    requires: 'hidden_hazard.verify',
    status: 200,
    summary: '隐患整改延期：整改中可设定更晚的整改期限（挂牌督办的由督办层级或上级决定）',
  })
  extend(
    @Param('id', uuidParam) id: string,
    @Body() body: ExtendHiddenHazardDeadlineRequest,
    @CurrentActor() actor: Actor,
    @CommandCtx() context: CommandContext,
  ): Promise<HiddenHazardCommandResponse> {
    return this.handler.handle(id, body, actor, context);
  }
}
