import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import { TeamAvailabilityRow } from '../read-models/team-availability/team-availability.entity';
import { toTeamView, type TeamView } from '../read-models/team-availability/team.views';

export type TeamCommandResponse = Partial<Omit<TeamView, 'position' | 'revision'>> & CommandAnswer;

/** Every team command answers with the team as the availability board now shows it, plus what the write did. */
@Injectable()
export class TeamAnswer {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async of(executed: Executed<unknown, unknown>): Promise<TeamCommandResponse> {
    const row = await this.dataSource.getRepository(TeamAvailabilityRow).findOneBy({ id: executed.id });
    return { ...(row ? toTeamView(row, this.jurisdictions) : {}), ...commandAnswer(executed) };
  }
}
