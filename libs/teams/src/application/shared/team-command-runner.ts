import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, formatPosition, type EventStore } from '@app/event-store';
import { handleCommand, type CommandContext } from '@app/event-sourcing';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { CLOCK, JURISDICTIONS, type Clock, type JurisdictionRegistry } from '@app/shared';
import type { TeamCommand } from '../../domain/team.commands';
import { teamDecider } from '../../domain/team.decider';
import { teamStream } from '../../domain/team.types';
import { TeamAvailabilityRow } from '../../read-models/team-availability.entity';
import { toTeamView, type TeamView } from '../../read-models/team.views';

export interface TeamCommandResponse extends Partial<Omit<TeamView, 'position' | 'revision'>> {
  id: string;
  revision: number;
  position: string | null;
  replayed: boolean;
}

/** map → load → decide → append (with retry), then waits for the availability read model: read-your-writes. */
@Injectable()
export class TeamCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    private readonly dataSource: DataSource,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async run(teamId: string, command: TeamCommand, context: CommandContext): Promise<TeamCommandResponse> {
    const result = await handleCommand({ store: this.store, clock: this.clock }, teamDecider, teamStream(teamId), command, context);
    if (result.position) await this.projections.waitFor('team-availability', result.position);
    const row = await this.dataSource.getRepository(TeamAvailabilityRow).findOneBy({ id: teamId });
    return {
      ...(row ? toTeamView(row, this.jurisdictions) : {}),
      id: teamId,
      revision: Number(result.revision ?? -1),
      position: result.position ? formatPosition(result.position) : null,
      replayed: result.replayed,
    };
  }
}
