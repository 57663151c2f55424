import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { GradingPolicy } from '../domain/incident/accident-grade';
import type { IncidentCommand } from '../domain/incident/incident.commands';
import { GradingPolicies } from './grading-policies';
import { IncidentAnswer, type IncidentCommandResponse } from './incident-answer';
import { incidentAggregate } from './incident.aggregate';
import { ReportIncidentHandler } from './report-incident/report-incident.handler';
import type { ReportIncidentRequest } from './report-incident/report-incident.request';

// Transitional: the plans and drills contexts still call these names. Both only forward to the one write path; they
// go away once those contexts call the handlers (ActivatePlanHandler, ReportIncidentHandler, …) directly.

/** @deprecated use the use-case handlers exported by the incidents context. */
@Injectable()
export class IncidentCommandRunner {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly policies: GradingPolicies,
    private readonly answer: IncidentAnswer,
  ) {}

  now(): Date {
    return this.executor.now();
  }

  policyFor(jurisdiction: string): GradingPolicy {
    return this.policies.of(jurisdiction);
  }

  async run(incidentId: string, command: IncidentCommand, context: CommandContext): Promise<IncidentCommandResponse> {
    return this.answer.of(await this.executor.execute(incidentAggregate, incidentId, command, context));
  }
}

/** @deprecated call ReportIncidentHandler.handle(request, context). */
export class ReportIncidentCommand {
  constructor(
    readonly request: ReportIncidentRequest,
    readonly context: CommandContext,
  ) {}
}

/** @deprecated forwards a bus-carried report to ReportIncidentHandler. */
@CommandHandler(ReportIncidentCommand)
export class ReportIncidentBusHandler implements ICommandHandler<ReportIncidentCommand, IncidentCommandResponse> {
  constructor(private readonly handler: ReportIncidentHandler) {}

  execute({ request, context }: ReportIncidentCommand): Promise<IncidentCommandResponse> {
    return this.handler.handle(request, context);
  }
}
