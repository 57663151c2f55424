import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import { DrillAllocationHandler, type DrillAllocationResponse } from './drill-allocation.handler';
import { DrillAllocationRequest } from './drill-allocation.request';

@CommandController('drills/:id', { tag: 'drills' })
export class DrillAllocationController {
  constructor(private readonly handler: DrillAllocationHandler) {}

  @CommandPost('allocations', {
    requires: 'drill.act',
    status: 201,
    summary: '演练调拨（桌面推演）：只记入演练事故，不动用真实库存',
  })
  allocate(
    @Param('id', uuidParam) id: string,
    @Body() body: DrillAllocationRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<DrillAllocationResponse> {
    return this.handler.handle(id, body, context);
  }
}
