import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { WarehouseCommandResponse } from '../warehouse-answer';
import { CountStockHandler } from './count-stock.handler';
import { StockCountRequest } from './count-stock.request';

@CommandController('warehouses/:id', { tag: 'warehouses' })
export class CountStockController {
  constructor(private readonly handler: CountStockHandler) {}

  @CommandPost('counts', { requires: 'warehouse.stock', status: 200, summary: '盘点：以实盘数为准，须写明原因' })
  count(
    @Param('id', uuidParam) id: string,
    @Body() body: StockCountRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
