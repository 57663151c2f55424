import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';
import type { CloseIncidentRequest } from './close-incident.request';

/** 响应终止 with the final report (终报); the dispatch process then sends the incident's teams back. */
@Injectable()
export class CloseIncidentHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: IncidentAnswer,
  ) {}

  async handle(
    incidentId: string,
    request: CloseIncidentRequest,
    context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    const command = { type: 'CloseIncident', summary: request.summary, now: this.executor.now() } as const;
    return this.answer.of(await this.executor.execute(incidentAggregate, incidentId, command, context));
  }
}
