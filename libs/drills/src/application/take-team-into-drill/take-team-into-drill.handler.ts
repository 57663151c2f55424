import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { DomainError } from '@app/shared';
import { teamAggregate } from '@app/teams';
import { drillAggregate } from '../drill.aggregate';
import { liveRunningDrill } from '../drill-access';
import { DrillTeamAnswer, type DrillTeamResponse } from './drill-team-answer';
import type { DrillTeamRequest } from './drill-team.request';

/**
 * 实战演练 (docs/domain.md rule 21): a live drill takes a real, available team of the coordinator's jurisdictions out of service (team status
 * `in_drill`) until it is recalled or the drill ends (the drill-teams process releases it). The team stream is written
 * first, the drill's record second: a team is never listed on a drill it is not in.
 */
@Injectable()
export class TakeTeamIntoDrillHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: DrillTeamAnswer,
  ) {}

  async handle(drillId: string, body: DrillTeamRequest, context: CommandContext): Promise<DrillTeamResponse> {
    await liveRunningDrill(this.executor, drillId, context);
    // With the caller's jurisdictions: a team outside them is not found.
    const taken = await this.executor.execute(
      teamAggregate,
      body.teamId,
      { type: 'TakeTeamIntoDrill', drillId, now: this.executor.now() },
      context,
    );
    try {
      const teamName = taken.state.status === 'none' ? undefined : taken.state.name;
      const command = { type: 'JoinTeamToDrill', teamId: body.teamId, teamName, now: this.executor.now() } as const;
      return await this.answer.of(
        await this.executor.execute(drillAggregate, drillId, command, { ...context, drillId }),
        body.teamId,
      );
    } catch (error) {
      // The drill ended (or changed) between the checks and its record: give the team back at once.
      if (error instanceof DomainError) {
        const release = {
          type: 'ReleaseTeamFromDrill',
          drillId,
          reason: 'drill_ended',
          now: this.executor.now(),
        } as const;
        await this.executor.execute(teamAggregate, body.teamId, release, {
          ...context,
          idempotencyKey: context.idempotencyKey && `${context.idempotencyKey}:undo`,
        });
      }
      throw error;
    }
  }
}
