import { Body } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { ReportIncidentHandler } from './report-incident.handler';
import { ReportIncidentRequest } from './report-incident.request';

@CommandController('incidents', { tag: 'incidents' })
export class ReportIncidentController {
  constructor(private readonly handler: ReportIncidentHandler) {}

  @CommandPost(undefined, { requires: 'incident.report', status: 201, summary: '接报：登记一起事故（初报）' })
  report(@Body() body: ReportIncidentRequest, @CommandCtx() context: CommandContext): Promise<IncidentCommandResponse> {
    return this.handler.handle(body, context);
  }
}
