import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { AlarmCommandResponse } from '../alarm-answer';
import { AcknowledgeAlarmHandler } from './acknowledge-alarm.handler';
import { AcknowledgeAlarmRequest } from './acknowledge-alarm.request';

@CommandController('alarms/:id', { tag: 'alarms', ifMatch: '客户端所见的告警版本号' })
export class AcknowledgeAlarmController {
  constructor(private readonly handler: AcknowledgeAlarmHandler) {}

  @CommandPost('acknowledge', {
    requires: 'alarm.acknowledge',
    status: 200,
    summary: '确认告警（记录确认人和处置说明）；重复确认不再记录；已解除的告警返回 409',
  })
  acknowledge(
    @Param('id', uuidParam) id: string,
    @Body() body: AcknowledgeAlarmRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<AlarmCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
