import { Body, Param } from '@nestjs/common';
import { parseInstant, type Actor } from '@app/shared';
import { CommandPost, CurrentActor, QueryController, QueryGet, uuidParam } from '@app/shared/nest';
import { ReplayRegistry } from '../replays/replay.registry';
import { SeekRequest } from './seek.request';
import { SpeedRequest } from './speed.request';

/** Following and steering a replay: anyone who may see it follows it; only its starter pauses, resumes or seeks. */
@QueryController('replays', { tag: 'replay' })
export class SteerReplayController {
  constructor(private readonly replays: ReplayRegistry) {}

  @QueryGet(':id', {
    requires: 'incident.read',
    summary: '回放状态（running / paused / finished、倍速、回放到的时刻）',
  })
  status(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.replays.status(id, actor);
  }

  @CommandPost(':id/pause', { requires: 'replay.run', status: 200, summary: '暂停回放' })
  pause(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.replays.pause(id, actor);
  }

  @CommandPost(':id/resume', { requires: 'replay.run', status: 200, summary: '继续回放' })
  resume(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.replays.resume(id, actor);
  }

  @CommandPost(':id/speed', {
    requires: 'replay.run',
    status: 200,
    summary: '改变倍速（×1–×100），从回放到的时刻起生效',
  })
  speed(@Param('id', uuidParam) id: string, @Body() body: SpeedRequest, @CurrentActor() actor: Actor) {
    return this.replays.setSpeed(id, body.speed, actor);
  }

  @CommandPost(':id/seek', { requires: 'replay.run', status: 200, summary: '跳转到记录时间范围内的某一时刻' })
  seek(@Param('id', uuidParam) id: string, @Body() body: SeekRequest, @CurrentActor() actor: Actor) {
    return this.replays.seek(id, parseInstant(body.at)!, actor);
  }
}
