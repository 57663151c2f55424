import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { warehouseAggregate } from '../warehouse.aggregate';
import { WarehouseAnswer, type WarehouseCommandResponse } from '../warehouse-answer';
import type { StockCountRequest } from './count-stock.request';

/** 盘点: the counted quantity becomes the stock on hand; never below what is reserved for open allocations. */
@Injectable()
export class CountStockHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: WarehouseAnswer,
  ) {}

  async handle(
    warehouseId: string,
    request: StockCountRequest,
    context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    const command = {
      type: 'CountStock',
      materialCode: request.materialCode,
      counted: request.counted,
      reason: request.reason,
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(warehouseAggregate, warehouseId, command, context));
  }
}
