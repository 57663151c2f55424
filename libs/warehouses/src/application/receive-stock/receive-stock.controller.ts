import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { WarehouseCommandResponse } from '../warehouse-answer';
import { ReceiveStockHandler } from './receive-stock.handler';
import { ReceiptRequest } from './receive-stock.request';

@ApiTags('warehouses')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('warehouses/:id')
export class ReceiveStockController {
  constructor(private readonly handler: ReceiveStockHandler) {}

  @Post('receipts')
  @Requires('warehouse.stock')
  @HttpCode(201)
  @ApiOperation({ summary: '入库（可带批次与有效期）' })
  receive(
    @Param('id', uuidParam) id: string,
    @Body() body: ReceiptRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
