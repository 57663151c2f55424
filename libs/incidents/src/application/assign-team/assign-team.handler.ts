import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';

export interface SimulatedDispatchInput {
  teamId: string;
  teamName: string;
  task: string | null;
}

/**
 * A drill's tabletop dispatch (演练调派): recorded on the drill incident only, no real team moves. Real dispatches
 * reach the incident through the dispatch process, which addresses `incidentAggregate` itself.
 */
@Injectable()
export class AssignSimulatedTeamHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: IncidentAnswer,
  ) {}

  async handle(
    incidentId: string,
    input: SimulatedDispatchInput,
    context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    const command = {
      type: 'AssignTeam',
      teamId: input.teamId,
      teamName: input.teamName,
      task: input.task,
      dispatchedAt: this.executor.now(),
      simulated: true,
    } as const;
    return this.answer.of(await this.executor.execute(incidentAggregate, incidentId, command, context));
  }
}
