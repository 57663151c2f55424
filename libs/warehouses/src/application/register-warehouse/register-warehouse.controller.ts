import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires } from '@app/shared/nest';
import type { WarehouseCommandResponse } from '../warehouse-answer';
import { RegisterWarehouseHandler } from './register-warehouse.handler';
import { RegisterWarehouseRequest } from './register-warehouse.request';

@ApiTags('warehouses')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('warehouses')
export class RegisterWarehouseController {
  constructor(private readonly handler: RegisterWarehouseHandler) {}

  @Post()
  @Requires('warehouse.register')
  @HttpCode(201)
  @ApiOperation({ summary: '登记应急物资储备库（管理员）' })
  register(
    @Body() body: RegisterWarehouseRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(body, context);
  }
}
