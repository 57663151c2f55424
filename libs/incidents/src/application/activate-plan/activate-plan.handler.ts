import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { PinnedPlan } from '../../domain/incident/checklist';
import type { ResponseLevel } from '../../domain/incident/incident.types';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';

/** What the plans context hands over once it has loaded the plan in force and checked it fits the incident. */
export interface ActivatePlanInput {
  plan: PinnedPlan;
  /** Sets the response level in the same step (the commander decides it with the activation). */
  level?: ResponseLevel;
  reason?: string;
}

/**
 * 启动预案 on the incident: pins the plan's version and puts its tasks for the response level on the checklist. Called
 * by the plans context, which owns the HTTP endpoint and the plan checks.
 */
@Injectable()
export class ActivatePlanHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: IncidentAnswer,
  ) {}

  async handle(
    incidentId: string,
    input: ActivatePlanInput,
    context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    const command = {
      type: 'ActivatePlan',
      plan: input.plan,
      ...(input.level !== undefined ? { level: input.level } : {}),
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      activatedBy: context.actorName ?? context.actorId,
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(incidentAggregate, incidentId, command, context));
  }
}
