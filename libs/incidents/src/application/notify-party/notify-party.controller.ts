import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { NotifyPartyHandler } from './notify-party.handler';
import { NotifyPartyRequest } from './notify-party.request';

@CommandController('incidents/:id/notifications', { tag: 'incidents' })
export class NotifyPartyController {
  constructor(private readonly handler: NotifyPartyHandler) {}

  @CommandPost(undefined, {
    requires: 'incident.report_up',
    status: 201,
    summary: '通知本级人民政府、公安机关、人社部门、工会、人民检察院（条例493 第十条）',
  })
  notify(
    @Param('id', uuidParam) id: string,
    @Body() body: NotifyPartyRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
