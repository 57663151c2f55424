import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { SensorCommandResponse } from '../sensor-answer';
import { RegisterSensorHandler } from './register-sensor.handler';
import { RegisterSensorRequest } from './register-sensor.request';

@CommandController('hazard-sources/:id/sensors', { tag: 'monitoring' })
export class RegisterSensorController {
  constructor(private readonly handler: RegisterSensorHandler) {}

  @CommandPost(undefined, {
    requires: 'sensor.register',
    status: 201,
    location: (sensor) => `/monitoring/sensors/${String(sensor['id'])}`,
    summary: '在重大危险源上登记传感器及报警阈值（管理员）',
  })
  register(
    @Param('id', uuidParam) hazardSourceId: string,
    @Body() body: RegisterSensorRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<SensorCommandResponse> {
    return this.handler.handle(hazardSourceId, body, context);
  }
}
