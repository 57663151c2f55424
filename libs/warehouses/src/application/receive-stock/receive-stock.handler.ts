import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { warehouseAggregate } from '../warehouse.aggregate';
import { WarehouseAnswer, type WarehouseCommandResponse } from '../warehouse-answer';
import type { ReceiptRequest } from './receive-stock.request';

/** 入库: each line may name its batch and expiry, which the stock board uses for first-expiry-first-out. */
@Injectable()
export class ReceiveStockHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: WarehouseAnswer,
  ) {}

  async handle(
    warehouseId: string,
    request: ReceiptRequest,
    context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    const items = request.items.map((i) => ({
      materialCode: i.materialCode,
      quantity: i.quantity,
      batch: i.batch ?? null,
      expiresAt: i.expiresAt ? new Date(i.expiresAt).toISOString() : null,
    }));
    const command = { type: 'ReceiveStock', receiptId: randomUUID(), items, now: this.executor.now() } as const;
    return this.answer.of(await this.executor.execute(warehouseAggregate, warehouseId, command, context));
  }
}
