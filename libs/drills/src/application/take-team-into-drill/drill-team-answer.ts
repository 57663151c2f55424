import { Injectable } from '@nestjs/common';
import type { Executed } from '@app/event-sourcing';
import { TeamAvailabilityQueries, type TeamView } from '@app/teams';
import { DrillAnswer, type DrillCommandResponse } from '../drill-answer';

export interface DrillTeamResponse {
  drill: DrillCommandResponse;
  team: TeamView | null;
}

/** Taking a team in and recalling it answer with the drill and the team, each as its read model now shows it. */
@Injectable()
export class DrillTeamAnswer {
  constructor(
    private readonly drills: DrillAnswer,
    private readonly teams: TeamAvailabilityQueries,
  ) {}

  async of(executed: Executed<unknown, unknown>, teamId: string): Promise<DrillTeamResponse> {
    return { drill: await this.drills.of(executed), team: (await this.teams.find(teamId)) ?? null };
  }
}
