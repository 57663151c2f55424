import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { AssignSimulatedTeamHandler, type IncidentCommandResponse } from '@app/incidents';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import { TeamAvailabilityQueries, TeamNotFoundError } from '@app/teams';
import { runningDrill, visibleOrAbove } from '../drill-access';
import { InjectExecutor } from '../injects/inject-executor';
import type { DrillDispatchRequest } from './drill-dispatch.request';

/** 演练调派 (桌面推演): recorded on the drill's incident only; the real team's status does not change. */
@Injectable()
export class DrillDispatchHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly injects: InjectExecutor,
    private readonly teams: TeamAvailabilityQueries,
    private readonly assignTeam: AssignSimulatedTeamHandler,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async handle(drillId: string, body: DrillDispatchRequest, context: CommandContext): Promise<IncidentCommandResponse> {
    const drill = await runningDrill(this.executor, drillId, context);
    const incidentId = await this.injects.visibleDrillIncident(drill, body.incidentId, context);
    const team = await this.teams.find(body.teamId);
    if (!team || !visibleOrAbove(team.jurisdiction, context.visibleJurisdictions, this.jurisdictions)) {
      throw new TeamNotFoundError();
    }
    return this.assignTeam.handle(
      incidentId,
      { teamId: team.id, teamName: team.name, task: body.task ?? null },
      { ...context, drillId },
    );
  }
}
