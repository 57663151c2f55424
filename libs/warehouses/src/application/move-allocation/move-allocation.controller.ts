import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { WarehouseCommandResponse } from '../warehouse-answer';
import { MoveAllocationHandler } from './move-allocation.handler';
import { AllocationMoveRequest } from './move-allocation.request';

@ApiTags('warehouses')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('warehouses/:id/allocations/:allocationId')
export class MoveAllocationController {
  constructor(private readonly handler: MoveAllocationHandler) {}

  @Post('ship')
  @Requires('warehouse.allocate')
  @HttpCode(200)
  @ApiOperation({ summary: '出库' })
  ship(
    @Param('id', uuidParam) id: string,
    @Param('allocationId', uuidParam) allocationId: string,
    @Body() body: AllocationMoveRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(id, allocationId, 'shipped', body, context);
  }

  @Post('deliver')
  @Requires('warehouse.allocate')
  @HttpCode(200)
  @ApiOperation({ summary: '送达' })
  deliver(
    @Param('id', uuidParam) id: string,
    @Param('allocationId', uuidParam) allocationId: string,
    @Body() body: AllocationMoveRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(id, allocationId, 'delivered', body, context);
  }

  @Post('cancel')
  @Requires('warehouse.allocate')
  @HttpCode(200)
  @ApiOperation({ summary: '取消调拨（未出库的释放预留；已出库的退回库存）' })
  cancel(
    @Param('id', uuidParam) id: string,
    @Param('allocationId', uuidParam) allocationId: string,
    @Body() body: AllocationMoveRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(id, allocationId, 'cancelled', body, context);
  }
}
