import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { WarehouseCommandResponse } from '../warehouse-answer';
import { SetMinimumLevelHandler } from './set-minimum-level.handler';
import { MinimumLevelRequest } from './set-minimum-level.request';

@ApiTags('warehouses')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('warehouses/:id')
export class SetMinimumLevelController {
  constructor(private readonly handler: SetMinimumLevelHandler) {}

  @Post('minimums')
  @Requires('warehouse.stock')
  @HttpCode(200)
  @ApiOperation({ summary: '设置最低库存' })
  minimum(
    @Param('id', uuidParam) id: string,
    @Body() body: MinimumLevelRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
