import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@app/event-sourcing';
import { IncidentCommandRunner, type IncidentCommandResponse } from '../shared/incident-command-runner';
import type { UpdateSituationRequest } from './update-situation.request';

export class UpdateSituationCommand {
  constructor(
    readonly incidentId: string,
    readonly request: UpdateSituationRequest,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(UpdateSituationCommand)
export class UpdateSituationCommandHandler implements ICommandHandler<UpdateSituationCommand, IncidentCommandResponse> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  execute({ incidentId, request, context }: UpdateSituationCommand): Promise<IncidentCommandResponse> {
    return this.runner.run(
      incidentId,
      {
        type: 'UpdateSituation',
        // Only the figures the duty officer sent: an absent field keeps its last reported value.
        ...(request.casualties ? { casualties: definedOnly(request.casualties) } : {}),
        directLossYuan: request.directLossYuan,
        description: request.description,
        measures: request.measures,
        now: this.runner.now(),
        policyFor: (jurisdiction) => this.runner.policyFor(jurisdiction),
      },
      context,
    );
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
