import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { AllocateStockHandler, type AllocationResponse } from './allocate-stock.handler';
import { AllocationRequest } from './allocate-stock.request';

@ApiTags('warehouses')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('warehouses/:id/allocations')
export class AllocateStockController {
  constructor(private readonly handler: AllocateStockHandler) {}

  @Post()
  @Requires('warehouse.allocate')
  @HttpCode(201)
  @ApiOperation({ summary: '调拨物资给事故（全部满足或全部不调拨；不足时 409 INSUFFICIENT_STOCK）' })
  allocate(
    @Param('id', uuidParam) id: string,
    @Body() body: AllocationRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<AllocationResponse> {
    return this.handler.handle(id, body, context);
  }
}
