import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { WarehouseCommandResponse } from '../warehouse-answer';
import { MoveAllocationHandler } from './move-allocation.handler';
import { AllocationMoveRequest } from './move-allocation.request';

@CommandController('warehouses/:id/allocations/:allocationId', { tag: 'warehouses' })
export class MoveAllocationController {
  constructor(private readonly handler: MoveAllocationHandler) {}

  @CommandPost('ship', { requires: 'warehouse.allocate', status: 200, summary: '出库' })
  ship(
    @Param('id', uuidParam) id: string,
    @Param('allocationId', uuidParam) allocationId: string,
    @Body() body: AllocationMoveRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(id, allocationId, 'shipped', body, context);
  }

  @CommandPost('deliver', { requires: 'warehouse.allocate', status: 200, summary: '送达' })
  deliver(
    @Param('id', uuidParam) id: string,
    @Param('allocationId', uuidParam) allocationId: string,
    @Body() body: AllocationMoveRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(id, allocationId, 'delivered', body, context);
  }

  @CommandPost('cancel', {
    requires: 'warehouse.allocate',
    status: 200,
    summary: '取消调拨（未出库的释放预留；已出库的退回库存）',
  })
  cancel(
    @Param('id', uuidParam) id: string,
    @Param('allocationId', uuidParam) allocationId: string,
    @Body() body: AllocationMoveRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(id, allocationId, 'cancelled', body, context);
  }
}
