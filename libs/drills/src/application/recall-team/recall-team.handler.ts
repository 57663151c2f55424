import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { teamAggregate } from '@app/teams';
import { TeamNotInDrillError } from '../../domain/drill/drill.errors';
import { drillAggregate } from '../drill.aggregate';
import { actorNameOf, liveRunningDrill } from '../drill-access';
import { DrillTeamAnswer, type DrillTeamResponse } from '../take-team-into-drill/drill-team-answer';

/** 召回: commanders may recall a team for a real emergency, drill coordinators too. The team is released first. */
@Injectable()
export class RecallTeamHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: DrillTeamAnswer,
  ) {}

  async handle(drillId: string, teamId: string, context: CommandContext): Promise<DrillTeamResponse> {
    const state = await liveRunningDrill(this.executor, drillId, context);
    if (!state.teams.includes(teamId)) throw new TeamNotInDrillError(teamId);
    const release = { type: 'ReleaseTeamFromDrill', drillId, reason: 'recalled', now: this.executor.now() } as const;
    await this.executor.execute(teamAggregate, teamId, release, context);
    const command = {
      type: 'RecallTeamFromDrill',
      teamId,
      recalledBy: actorNameOf(context),
      now: this.executor.now(),
    } as const;
    return this.answer.of(
      await this.executor.execute(drillAggregate, drillId, command, { ...context, drillId }),
      teamId,
    );
  }
}
