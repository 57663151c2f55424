import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import { AllocateStockHandler, type AllocationResponse } from './allocate-stock.handler';
import { AllocationRequest } from './allocate-stock.request';

@CommandController('warehouses/:id/allocations', { tag: 'warehouses' })
export class AllocateStockController {
  constructor(private readonly handler: AllocateStockHandler) {}

  @CommandPost(undefined, {
    requires: 'warehouse.allocate',
    status: 201,
    summary: '调拨物资给事故（全部满足或全部不调拨；不足时 409 INSUFFICIENT_STOCK）',
  })
  allocate(
    @Param('id', uuidParam) id: string,
    @Body() body: AllocationRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<AllocationResponse> {
    return this.handler.handle(id, body, context);
  }
}
