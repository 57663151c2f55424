import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { WarehouseCommandResponse } from '../warehouse-answer';
import { SetMinimumLevelHandler } from './set-minimum-level.handler';
import { MinimumLevelRequest } from './set-minimum-level.request';

@CommandController('warehouses/:id', { tag: 'warehouses' })
export class SetMinimumLevelController {
  constructor(private readonly handler: SetMinimumLevelHandler) {}

  @CommandPost('minimums', { requires: 'warehouse.stock', status: 200, summary: '设置最低库存' })
  minimum(
    @Param('id', uuidParam) id: string,
    @Body() body: MinimumLevelRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
