import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { CloseIncidentHandler } from './close-incident.handler';
import { CloseIncidentRequest } from './close-incident.request';

@CommandController('incidents/:id', { tag: 'incidents', ifMatch: '客户端所见的事故版本号；已变化时返回 409' })
export class CloseIncidentController {
  constructor(private readonly handler: CloseIncidentHandler) {}

  @CommandPost('end-response', { requires: 'incident.close', status: 200, summary: '响应终止（终报）' })
  endResponse(
    @Param('id', uuidParam) id: string,
    @Body() body: CloseIncidentRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context);
  }

  /** The first name of the same step, kept for existing clients. */
  @CommandPost('close', { requires: 'incident.close', status: 200, summary: '响应终止（终报）；end-response 的别名' })
  close(
    @Param('id', uuidParam) id: string,
    @Body() body: CloseIncidentRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
