import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { IncidentCommandResponse } from '@app/incidents';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import { DrillArrivalHandler } from './drill-arrival.handler';
import { DrillArrivalRequest } from './drill-arrival.request';

@CommandController('drills/:id', { tag: 'drills' })
export class DrillArrivalController {
  constructor(private readonly handler: DrillArrivalHandler) {}

  @CommandPost('arrivals', {
    requires: 'drill.act',
    status: 201,
    summary: '演练模拟到达（桌面推演）：已模拟调派的队伍到达现场，只记入演练事故',
  })
  arrive(
    @Param('id', uuidParam) id: string,
    @Body() body: DrillArrivalRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
