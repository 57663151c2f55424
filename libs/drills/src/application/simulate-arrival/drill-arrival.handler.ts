import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { SimulatedArrivalHandler, type IncidentCommandResponse } from '@app/incidents';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import { TeamAvailabilityQueries, TeamNotFoundError } from '@app/teams';
import { runningDrill, visibleOrAbove } from '../drill-access';
import { InjectExecutor } from '../injects/inject-executor';
import type { DrillArrivalRequest } from './drill-arrival.request';

/**
 * 演练·模拟到达 (桌面推演): the coordinator reports that a team the drill sent has arrived on scene. Like the simulated
 * dispatch, only for this running drill's incidents and a team visible to the caller; the real team is untouched.
 */
@Injectable()
export class DrillArrivalHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly injects: InjectExecutor,
    private readonly teams: TeamAvailabilityQueries,
    private readonly arrival: SimulatedArrivalHandler,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async handle(drillId: string, body: DrillArrivalRequest, context: CommandContext): Promise<IncidentCommandResponse> {
    const drill = await runningDrill(this.executor, drillId, context);
    const incidentId = await this.injects.visibleDrillIncident(drill, body.incidentId, context);
    const team = await this.teams.find(body.teamId);
    if (!team || !visibleOrAbove(team.jurisdiction, context.visibleJurisdictions, this.jurisdictions)) {
      throw new TeamNotFoundError();
    }
    return this.arrival.handle(incidentId, { teamId: team.id, teamName: team.name }, { ...context, drillId });
  }
}
