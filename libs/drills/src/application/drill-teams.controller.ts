import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { handleCommand, type CommandContext } from '@app/event-sourcing';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { CLOCK, DomainError, JURISDICTIONS, type Clock, type JurisdictionRegistry } from '@app/shared';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { TeamAvailabilityRow, teamDecider, teamStream, toTeamView, type TeamCommand, type TeamView } from '@app/teams';
import {
  DrillNotFoundError, DrillNotRunningError, NotALiveDrillError, TeamNotInDrillError,
} from '../domain/drill.errors';
import { DrillCommandRunner, type DrillCommandResponse } from './drill-command-runner';

export class DrillTeamRequest {
  @ApiProperty({ description: '参演的真实队伍（须为本辖区、待命状态）' }) @IsUUID() teamId!: string;
}

export interface DrillTeamResponse {
  drill: DrillCommandResponse;
  team: TeamView | null;
}

/**
 * 实战演练 (docs/domain.md rule 21): a live drill takes real, available teams of the coordinator's jurisdictions out of service
 * (team status `in_drill`) until they are recalled or the drill ends (DrillTeamsProcessManager releases them).
 * The team stream is written first, the drill's record second: a team is never listed on a drill it is not in.
 */
@ApiTags('drills')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('drills/:id/teams')
export class DrillTeamsController {
  constructor(
    private readonly runner: DrillCommandRunner,
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  @Post()
  @Requires('drill.run')
  @HttpCode(201)
  @ApiOperation({ summary: '实战演练抽调真实队伍参演：队伍状态变为「参加演练」，不可调派，演练结束或召回后恢复待命' })
  async join(@Param('id', uuidParam) id: string, @Body() body: DrillTeamRequest, @CommandCtx() context: CommandContext): Promise<DrillTeamResponse> {
    await this.liveRunningDrill(id, context);
    await this.teamStep(body.teamId, { type: 'TakeTeamIntoDrill', drillId: id, now: this.runner.now() }, context);
    try {
      const drill = await this.runner.run(id, { type: 'JoinTeamToDrill', teamId: body.teamId, now: this.runner.now() }, { ...context, drillId: id });
      return { drill, team: await this.team(body.teamId) };
    } catch (error) {
      // The drill ended (or changed) between the checks and its record: give the team back at once.
      if (error instanceof DomainError) {
        await this.teamStep(body.teamId, { type: 'ReleaseTeamFromDrill', drillId: id, reason: 'drill_ended', now: this.runner.now() }, { ...context, idempotencyKey: context.idempotencyKey && `${context.idempotencyKey}:undo` });
      }
      throw error;
    }
  }

  /** Commanders may recall a team for a real emergency; drill coordinators too. The team is released first. */
  @Post(':teamId/recall')
  @Requires('drill.act')
  @HttpCode(200)
  @ApiOperation({ summary: '召回参演队伍（如应对真实突发事件）：队伍恢复待命' })
  async recall(@Param('id', uuidParam) id: string, @Param('teamId', uuidParam) teamId: string, @CommandCtx() context: CommandContext): Promise<DrillTeamResponse> {
    const state = await this.liveRunningDrill(id, context);
    if (!state.teams.includes(teamId)) throw new TeamNotInDrillError(teamId);
    await this.teamStep(teamId, { type: 'ReleaseTeamFromDrill', drillId: id, reason: 'recalled', now: this.runner.now() }, context);
    const drill = await this.runner.run(id, { type: 'RecallTeamFromDrill', teamId, recalledBy: context.actorName ?? context.actorId, now: this.runner.now() }, { ...context, drillId: id });
    return { drill, team: await this.team(teamId) };
  }

  /** The drill as the store holds it now: visible, live (422 otherwise) and running (409 otherwise). */
  private async liveRunningDrill(id: string, context: CommandContext) {
    const { state } = await this.runner.load(id);
    if (state.status === 'none' || (context.visibleJurisdictions && !context.visibleJurisdictions.includes(state.jurisdiction))) throw new DrillNotFoundError();
    if (state.form !== 'live') throw new NotALiveDrillError();
    if (state.status !== 'running') throw new DrillNotRunningError(state.status);
    return state;
  }

  /** A command on the team stream with the caller's jurisdictions (a team outside them is not found), then read-your-writes. */
  private async teamStep(teamId: string, command: TeamCommand, context: CommandContext): Promise<void> {
    const result = await handleCommand({ store: this.store, clock: this.clock }, teamDecider, teamStream(teamId), command, context);
    if (result.position) await this.projections.waitFor('team-availability', result.position);
  }

  private async team(teamId: string): Promise<TeamView | null> {
    const row = await this.dataSource.getRepository(TeamAvailabilityRow).findOneBy({ id: teamId });
    return row ? toTeamView(row, this.jurisdictions) : null;
  }
}
