import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { GetIncidentQuery, type IncidentView } from '@app/incidents';
import { DomainError } from '@app/shared';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { TeamCommandResponse } from '../shared/team-command-runner';
import { TeamCommandRunner } from '../shared/team-command-runner';
import { DispatchTeamRequest, ReportTeamStatusRequest } from './dispatch-team.request';

@ApiTags('teams')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@ApiHeader({ name: 'If-Match', required: false, description: '客户端所见的队伍版本号' })
@Controller('teams/:id')
export class TeamMutationsController {
  constructor(
    private readonly runner: TeamCommandRunner,
    private readonly queries: QueryBus,
  ) {}

  /** 调派: only to an open, real incident the commander can see; the team must be available (409 otherwise). */
  @Post('dispatch')
  @Requires('team.dispatch')
  @HttpCode(201)
  @ApiOperation({ summary: '调派队伍到事故' })
  async dispatch(@Param('id', uuidParam) id: string, @Body() body: DispatchTeamRequest, @CommandCtx() context: CommandContext): Promise<TeamCommandResponse> {
    const incident: IncidentView = await this.queries.execute(new GetIncidentQuery(body.incidentId, context.visibleJurisdictions ?? []));
    if (incident.status === 'closed') throw new DomainError('INCIDENT_CLOSED', 'conflict', '事故已结案，不能再调派队伍');
    if (incident.drillId) throw new DomainError('DRILL_INCIDENT', 'rule', '演练事故不调派真实队伍（演练调派见演练模块）');
    return this.runner.run(id, { type: 'DispatchTeam', incidentId: body.incidentId, task: body.task, now: this.runner.now() }, context);
  }

  @Post('status')
  @Requires('team.status')
  @HttpCode(200)
  @ApiOperation({ summary: '报告队伍状态（途中、到达、返回、待命、暂停执勤），可带位置' })
  status(@Param('id', uuidParam) id: string, @Body() body: ReportTeamStatusRequest, @CommandCtx() context: CommandContext): Promise<TeamCommandResponse> {
    return this.runner.run(
      id,
      { type: 'ReportTeamStatus', status: body.status, note: body.note, location: body.location ? { lat: body.location.lat, lng: body.location.lng } : undefined, now: this.runner.now() },
      context,
    );
  }
}
