import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';
import { ObligationCheck } from '../shared/obligation-check';
import type { PassReportUpRequest } from './pass-report-up.request';

/**
 * 逐级上报: recorded with who reported, how, when (the real time), to whom and what was said. Which obligations it
 * meets the board derives (docs/domain.md rule 3); a named obligation must exist and still be owed.
 */
@Injectable()
export class PassReportUpHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: IncidentAnswer,
    private readonly obligations: ObligationCheck,
  ) {}

  async handle(
    incidentId: string,
    body: PassReportUpRequest,
    context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    if (body.obligationId !== undefined)
      await this.obligations.reportable(incidentId, body.obligationId, body.toLevel, context);
    const command = {
      type: 'PassReportUp',
      toLevel: body.toLevel,
      channel: body.channel,
      reportedBy: context.actorName ?? context.actorId,
      ...(body.reportedAt !== undefined ? { reportedAt: new Date(body.reportedAt) } : {}),
      ...(body.obligationId !== undefined ? { obligationId: body.obligationId } : {}),
      ...(body.recipient !== undefined ? { recipient: { unit: body.recipient.unit, name: body.recipient.name } } : {}),
      ...(body.text !== undefined ? { text: body.text } : {}),
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(incidentAggregate, incidentId, command, context));
  }
}
