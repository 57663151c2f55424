import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentLookup } from '@app/incidents';
import { teamAggregate } from '../team.aggregate';
import { TeamAnswer, type TeamCommandResponse } from '../team-answer';
import type { DispatchTeamRequest } from './dispatch-team.request';

/** 调派: only to an open, real incident the commander can see; the team must be available (409 otherwise). */
@Injectable()
export class DispatchTeamHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly incidents: IncidentLookup,
    private readonly answer: TeamAnswer,
  ) {}

  async handle(teamId: string, body: DispatchTeamRequest, context: CommandContext): Promise<TeamCommandResponse> {
    // A retry whose first attempt was stored is answered from it, even if the incident has closed since.
    if (!context.keyApplied)
      await this.incidents.openRealIncident(body.incidentId, context.visibleJurisdictions, {
        closed: '事故已结案，不能再调派队伍',
        drill: '演练事故不调派真实队伍（演练调派见演练模块）',
      });
    const command = {
      type: 'DispatchTeam',
      incidentId: body.incidentId,
      task: body.task,
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(teamAggregate, teamId, command, context));
  }
}
