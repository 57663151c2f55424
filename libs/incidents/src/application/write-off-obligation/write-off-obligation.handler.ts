import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';
import { ObligationCheck } from '../shared/obligation-check';
import type { WriteOffObligationRequest } from './write-off-obligation.request';

/** 核销: a pending (or overdue) obligation, with the reason and who decided; never counted as missed afterwards. */
@Injectable()
export class WriteOffObligationHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: IncidentAnswer,
    private readonly obligations: ObligationCheck,
  ) {}

  async handle(
    incidentId: string,
    obligationId: string,
    body: WriteOffObligationRequest,
    context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    await this.obligations.owed(incidentId, obligationId, context);
    const command = {
      type: 'WriteOffObligation',
      obligationId,
      reason: body.reason,
      writtenOffBy: context.actorName ?? context.actorId,
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(incidentAggregate, incidentId, command, context));
  }
}
