import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { domainError } from '@app/shared';
import {
  IncidentNotFoundError,
  IncidentResponseEndedError,
  NotADrillIncidentError,
} from '../../domain/incident/incident.errors';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';

/** An arrival is reported for a team the drill sent to this incident, not for any team. */
export const TeamNotDispatchedError = domainError({
  code: 'TEAM_NOT_DISPATCHED',
  kind: 'conflict',
  message: '该队伍未被调派到此演练事故，不能报告到达',
  details: (teamId: string) => ({ teamId }),
});

/**
 * A drill's simulated arrival on scene (演练·模拟到达): in a tabletop drill no team moves, so the coordinator reports the
 * arrival the real team would report. It is recorded on the drill incident as the same status change a real team's
 * arrival records, so the drill's measured times (report → first arrival) read it like any other; the real team's
 * status is untouched. Checked against the incident as its stream holds it, and written at that revision.
 */
@Injectable()
export class SimulatedArrivalHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: IncidentAnswer,
  ) {}

  async handle(
    incidentId: string,
    input: { teamId: string; teamName: string },
    context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    const { state, revision } = await this.executor.load(incidentAggregate, incidentId);
    if (state.status === 'none') throw new IncidentNotFoundError();
    if (!state.drillId) throw new NotADrillIncidentError();
    if (state.assignedTeams[input.teamId] === undefined) throw new TeamNotDispatchedError(input.teamId);
    if (state.status === 'closed' && !context.keyApplied) throw new IncidentResponseEndedError();
    const command = {
      type: 'RecordAssignedTeamStatus',
      teamId: input.teamId,
      teamName: input.teamName,
      status: 'on_scene',
      at: this.executor.now(),
    } as const;
    return this.answer.of(
      await this.executor.execute(incidentAggregate, incidentId, command, { ...context, expectedRevision: revision }),
    );
  }
}
