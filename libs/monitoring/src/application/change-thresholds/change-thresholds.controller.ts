import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPatch, uuidParam } from '@app/shared/nest';
import type { SensorCommandResponse } from '../sensor-answer';
import { ChangeThresholdsHandler } from './change-thresholds.handler';
import { ChangeThresholdsRequest } from './change-thresholds.request';

@CommandController('monitoring/sensors', { tag: 'monitoring', ifMatch: '客户端所见的传感器版本号（revision）' })
export class ChangeThresholdsController {
  constructor(private readonly handler: ChangeThresholdsHandler) {}

  @CommandPatch(':id', {
    requires: 'sensor.register',
    status: 200,
    summary: '修改传感器报警阈值、死区与防抖（管理员）',
  })
  change(
    @Param('id', uuidParam) id: string,
    @Body() body: ChangeThresholdsRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<SensorCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
