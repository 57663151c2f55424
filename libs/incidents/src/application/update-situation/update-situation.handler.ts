import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { Casualties } from '../../domain/incident/incident.types';
import { GradingPolicies } from '../grading-policies';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';

/** What a 续报 may carry (the HTTP request, or a drill's scripted inject). */
export interface UpdateSituationInput {
  casualties?: Partial<Casualties>;
  directLossYuan?: number;
  description?: string;
  measures?: string;
}

/** 续报: the figures that changed; the incident is graded again under its jurisdiction's rules. */
@Injectable()
export class UpdateSituationHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly policies: GradingPolicies,
    private readonly answer: IncidentAnswer,
  ) {}

  async handle(
    incidentId: string,
    request: UpdateSituationInput,
    context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    const command = {
      type: 'UpdateSituation',
      // Only the figures the duty officer sent: an absent field keeps its last reported value.
      ...(request.casualties ? { casualties: definedOnly(request.casualties) } : {}),
      directLossYuan: request.directLossYuan,
      description: request.description,
      measures: request.measures,
      now: this.executor.now(),
      policyFor: (jurisdiction: string) => this.policies.of(jurisdiction),
    } as const;
    return this.answer.of(await this.executor.execute(incidentAggregate, incidentId, command, context));
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
