import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { WarehouseCommandResponse } from '../warehouse-answer';
import { CountStockHandler } from './count-stock.handler';
import { StockCountRequest } from './count-stock.request';

@ApiTags('warehouses')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('warehouses/:id')
export class CountStockController {
  constructor(private readonly handler: CountStockHandler) {}

  @Post('counts')
  @Requires('warehouse.stock')
  @HttpCode(200)
  @ApiOperation({ summary: '盘点：以实盘数为准，须写明原因' })
  count(
    @Param('id', uuidParam) id: string,
    @Body() body: StockCountRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
