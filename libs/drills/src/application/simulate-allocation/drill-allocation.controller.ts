import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { DrillAllocationHandler, type DrillAllocationResponse } from './drill-allocation.handler';
import { DrillAllocationRequest } from './drill-allocation.request';

@ApiTags('drills')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('drills/:id')
export class DrillAllocationController {
  constructor(private readonly handler: DrillAllocationHandler) {}

  @Post('allocations')
  @Requires('drill.act')
  @HttpCode(201)
  @ApiOperation({ summary: '演练调拨（桌面推演）：只记入演练事故，不动用真实库存' })
  allocate(@Param('id', uuidParam) id: string, @Body() body: DrillAllocationRequest, @CommandCtx() context: CommandContext): Promise<DrillAllocationResponse> {
    return this.handler.handle(id, body, context);
  }
}
