import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DomainError, parseInstant, type Actor } from '@app/shared';
import { CurrentActor, IsInstant, Requires, uuidParam } from '@app/shared/nest';
import { BeforeReportError } from '../domain/replay.errors';
import { MAX_SPEED, MIN_SPEED } from '../domain/replay-timing';
import { IncidentHistoryReader } from './incident-history.reader';
import { ReplayRegistry } from './replay.registry';

export class StateAtRequest {
  @ApiProperty({ example: '2026-11-22T13:40:00+08:00', description: '时刻（带时区偏移）' }) @IsInstant() at!: string;
}
export class StartReplayRequest {
  @ApiPropertyOptional({ description: '回放一起事故' }) @IsOptional() @IsUUID() incidentId?: string;
  @ApiPropertyOptional({ description: '回放一次演练（其全部事故及演练自身的事件）' }) @IsOptional() @IsUUID() drillId?: string;
  @ApiProperty({ example: 20, minimum: MIN_SPEED, maximum: MAX_SPEED, description: '倍速 ×1–×100' })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(MIN_SPEED) @Max(MAX_SPEED) speed!: number;
}
export class SeekRequest {
  @ApiProperty({ example: '2026-11-22T13:40:00+08:00', description: '跳转到的时刻，须在回放记录的时间范围内' }) @IsInstant() at!: string;
}

/** `GET /incidents/{id}/state?at=`: the incident as the board showed it at that moment (复盘, docs/domain.md rule 23). */
@ApiTags('replay')
@Controller('incidents')
export class IncidentStateController {
  constructor(private readonly history: IncidentHistoryReader) {}

  @Get(':id/state')
  @Requires('incident.read')
  @ApiOperation({ summary: '事故在某一时刻的状态（由事件重演，与当时看板所示一致）' })
  async state(@Param('id', uuidParam) id: string, @Query() query: StateAtRequest, @CurrentActor() actor: Actor) {
    const at = parseInstant(query.at)!;
    const { events } = await this.history.incident(id, actor);
    const fold = this.history.fold();
    for (const event of events) {
      // The events recorded by `at`, in log order (a prefix: no later event without the earlier ones).
      if (event.recordedAt.getTime() > at.getTime()) break;
      fold.apply(event);
    }
    const state = fold.stateOf(id);
    if (!state) throw new BeforeReportError(query.at, events[0]?.recordedAt.toISOString() ?? null);
    return state;
  }
}

/** Replays (复盘回放): re-emit an incident's or a drill's recorded events on Socket.IO room `replay:{id}`. */
@ApiTags('replay')
@Controller('replays')
export class ReplayController {
  constructor(
    private readonly history: IncidentHistoryReader,
    private readonly replays: ReplayRegistry,
  ) {}

  @Post()
  @Requires('replay.run')
  @ApiOperation({ summary: '开始回放（事故或演练，×1–×100）；事件经 Socket.IO 房间 replay:{replayId} 推送' })
  async start(@Body() body: StartReplayRequest, @CurrentActor() actor: Actor): Promise<{ replayId: string }> {
    if ((body.incidentId === undefined) === (body.drillId === undefined)) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', '须且只须提供 incidentId 或 drillId 之一', { errors: [{ path: 'incidentId', message: '须且只须提供 incidentId 或 drillId 之一' }] });
    }
    const history = body.incidentId ? await this.history.incident(body.incidentId, actor) : await this.history.drill(body.drillId!, actor);
    const source = body.incidentId ? { incidentId: body.incidentId } : { drillId: body.drillId! };
    return { replayId: this.replays.create(source, body.speed, history, this.history.fold(), actor) };
  }

  @Get(':id')
  @Requires('incident.read')
  @ApiOperation({ summary: '回放状态（running / paused / finished、倍速、回放到的时刻）' })
  status(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.replays.status(id, actor);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Requires('replay.run')
  @ApiOperation({ summary: '暂停回放' })
  pause(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.replays.pause(id, actor);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Requires('replay.run')
  @ApiOperation({ summary: '继续回放' })
  resume(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.replays.resume(id, actor);
  }

  @Post(':id/seek')
  @HttpCode(200)
  @Requires('replay.run')
  @ApiOperation({ summary: '跳转到记录时间范围内的某一时刻' })
  seek(@Param('id', uuidParam) id: string, @Body() body: SeekRequest, @CurrentActor() actor: Actor) {
    return this.replays.seek(id, parseInstant(body.at)!, actor);
  }
}
