import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { UpdateSituationHandler } from './update-situation.handler';
import { UpdateSituationRequest } from './update-situation.request';

@CommandController('incidents/:id', { tag: 'incidents', ifMatch: '客户端所见的事故版本号；已变化时返回 409' })
export class UpdateSituationController {
  constructor(private readonly handler: UpdateSituationHandler) {}

  @CommandPost('updates', {
    requires: 'incident.update',
    status: 200,
    summary: '续报：更新伤亡、损失与措施，并重新定级',
  })
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateSituationRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
