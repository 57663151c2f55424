import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { warehouseAggregate } from '../warehouse.aggregate';
import { WarehouseAnswer, type WarehouseCommandResponse } from '../warehouse-answer';
import type { MinimumLevelRequest } from './set-minimum-level.request';

/** 最低库存: below it (available stock counted) the stock board flags the line. */
@Injectable()
export class SetMinimumLevelHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: WarehouseAnswer,
  ) {}

  async handle(
    warehouseId: string,
    request: MinimumLevelRequest,
    context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    const command = {
      type: 'SetMinimumLevel',
      materialCode: request.materialCode,
      minimum: request.minimum,
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(warehouseAggregate, warehouseId, command, context));
  }
}
