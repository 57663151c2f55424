import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { WarehouseCommandResponse } from '../warehouse-answer';
import { ReceiveStockHandler } from './receive-stock.handler';
import { ReceiptRequest } from './receive-stock.request';

@CommandController('warehouses/:id', { tag: 'warehouses' })
export class ReceiveStockController {
  constructor(private readonly handler: ReceiveStockHandler) {}

  @CommandPost('receipts', { requires: 'warehouse.stock', status: 201, summary: '入库（可带批次与有效期）' })
  receive(
    @Param('id', uuidParam) id: string,
    @Body() body: ReceiptRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
