import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { IncidentCommandResponse } from '@app/incidents';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import { DrillDispatchHandler } from './drill-dispatch.handler';
import { DrillDispatchRequest } from './drill-dispatch.request';

@CommandController('drills/:id', { tag: 'drills' })
export class DrillDispatchController {
  constructor(private readonly handler: DrillDispatchHandler) {}

  @CommandPost('dispatches', {
    requires: 'drill.act',
    status: 201,
    summary: '演练调派（桌面推演）：只记入演练事故，不改变真实队伍状态',
  })
  dispatch(
    @Param('id', uuidParam) id: string,
    @Body() body: DrillDispatchRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
