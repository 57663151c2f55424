import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { teamAggregate } from '../team.aggregate';
import { TeamAnswer, type TeamCommandResponse } from '../team-answer';
import type { ReportTeamStatusRequest } from './report-team-status.request';

/** 途中、到达、返回、待命、暂停执勤: the team's lifecycle decides which moves are allowed (docs/domain.md). */
@Injectable()
export class ReportTeamStatusHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: TeamAnswer,
  ) {}

  async handle(teamId: string, body: ReportTeamStatusRequest, context: CommandContext): Promise<TeamCommandResponse> {
    const location = body.location ? { lat: body.location.lat, lng: body.location.lng } : undefined;
    const command = {
      type: 'ReportTeamStatus',
      status: body.status,
      note: body.note,
      location,
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(teamAggregate, teamId, command, context));
  }
}
