import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { PassReportUpHandler } from './pass-report-up.handler';
import { PassReportUpRequest } from './pass-report-up.request';

@CommandController('incidents/:id/reports', { tag: 'incidents' })
export class PassReportUpController {
  constructor(private readonly handler: PassReportUpHandler) {}

  /** Meets the pending reporting obligation of that level (and of skipped lower levels); recorded with who and how. */
  @CommandPost(undefined, { requires: 'incident.report_up', status: 201, summary: '逐级上报（满足相应时限要求）' })
  report(
    @Param('id', uuidParam) id: string,
    @Body() body: PassReportUpRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
