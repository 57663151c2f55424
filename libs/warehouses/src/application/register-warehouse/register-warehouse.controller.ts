import { Body } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { WarehouseCommandResponse } from '../warehouse-answer';
import { RegisterWarehouseHandler } from './register-warehouse.handler';
import { RegisterWarehouseRequest } from './register-warehouse.request';

@CommandController('warehouses', { tag: 'warehouses' })
export class RegisterWarehouseController {
  constructor(private readonly handler: RegisterWarehouseHandler) {}

  @CommandPost(undefined, { requires: 'warehouse.register', status: 201, summary: '登记应急物资储备库（管理员）' })
  register(
    @Body() body: RegisterWarehouseRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(body, context);
  }
}
