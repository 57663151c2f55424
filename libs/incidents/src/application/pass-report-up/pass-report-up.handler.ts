import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';
import type { PassReportUpRequest } from './pass-report-up.request';

/** 逐级上报: recorded with who reported and how; it meets the pending obligation of that level (and skipped ones). */
@Injectable()
export class PassReportUpHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: IncidentAnswer,
  ) {}

  async handle(
    incidentId: string,
    body: PassReportUpRequest,
    context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    const command = {
      type: 'PassReportUp',
      toLevel: body.toLevel,
      channel: body.channel,
      reportedBy: context.actorName ?? context.actorId,
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(incidentAggregate, incidentId, command, context));
  }
}
