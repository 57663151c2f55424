import { Body } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor } from '@app/shared/nest';
import type { HiddenHazardCommandResponse } from '../hidden-hazard-answer';
import { RecordHiddenHazardHandler } from './record-hidden-hazard.handler';
import { RecordHiddenHazardRequest } from './record-hidden-hazard.request';

@CommandController('hidden-hazards', { tag: 'hidden-hazards' })
export class RecordHiddenHazardController {
  constructor(private readonly handler: RecordHiddenHazardHandler) {}

  @CommandPost(undefined, {
    requires: 'hidden_hazard.record',
    status: 201,
    summary: '登记隐患：等级、判定依据、来源、整改措施、期限和责任人',
  })
  record(
    @Body() body: RecordHiddenHazardRequest,
    @CurrentActor() actor: Actor,
    @CommandCtx() context: CommandContext,
  ): Promise<HiddenHazardCommandResponse> {
    return this.handler.handle(body, actor, context);
  }
}
