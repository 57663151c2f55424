import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseInstant, type Actor } from '@app/shared';
import { CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { ReplayRegistry } from '../replays/replay.registry';
import { SeekRequest } from './seek.request';

/** Following and steering a replay: anyone who may see it follows it; only its starter pauses, resumes or seeks. */
@ApiTags('replay')
@Controller('replays')
export class SteerReplayController {
  constructor(private readonly replays: ReplayRegistry) {}

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
