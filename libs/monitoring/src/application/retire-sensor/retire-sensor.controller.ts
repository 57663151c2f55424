import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { SensorCommandResponse } from '../sensor-answer';
import { RetireSensorHandler } from './retire-sensor.handler';
import { RetireSensorRequest } from './retire-sensor.request';

@CommandController('monitoring/sensors/:id', { tag: 'monitoring' })
export class RetireSensorController {
  constructor(private readonly handler: RetireSensorHandler) {}

  @CommandPost('retire', { requires: 'sensor.register', status: 200, summary: '停用传感器（管理员）' })
  retire(
    @Param('id', uuidParam) id: string,
    @Body() body: RetireSensorRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<SensorCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
